using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Registration;

public static class RegistrationEndpoints
{
    public static void MapRegistrationEndpoints(this RouteGroupBuilder conferences)
    {
        var registration = conferences.MapGroup("/{id:guid}/registration").WithTags("Registration");
        registration.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetRegistration(id), ct))
            .WithName(nameof(GetRegistration)).ProducesPublicProblems().ProducesNotFound();
        registration.MapPut("/", (Guid id, ConfigureRegistration command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id }, ct))
            .WithName(nameof(ConfigureRegistration)).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
        conferences.MapPost("/{id:guid}/register", async (Guid id, Register command, IMediator m, CancellationToken ct) =>
        {
            var registered = await m.Send(command with { ConferenceId = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}/participants/{registered.Session.ParticipantId}", registered);
        }).WithTags("Registration").RequireRateLimiting(AccessLimits.Registration)
            .WithName(nameof(Register)).ProducesPublicProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict()
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
