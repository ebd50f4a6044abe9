using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Organizer;

/// <summary>The organizer's sign-in: <c>POST /api/organizer/session</c>.</summary>
public static class OrganizerEndpoints
{
    public static void MapOrganizerEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/organizer/session", (SignInOrganizer request, IMediator m, CancellationToken ct) => m.Send(request, ct))
            .WithTags("Organizer")
            .WithName(nameof(SignInOrganizer))
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<FailedJoinLimit>().InvokeAsync(context, next))
            .ProducesPublicProblems().ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
