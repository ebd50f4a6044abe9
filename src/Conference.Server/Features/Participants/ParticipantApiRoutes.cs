using System.Text;
using Conference.Server.Features.Attendance;
using Conference.Server.Features.Invitations;
using Conference.Server.Features.Registration;
using Conference.Server.Identity;
using MediatR;

namespace Conference.Server.Features.Participants;

/// <summary>
/// Routes of participants, invitations, joining, registration and attendance. Like the rest of
/// the API, each endpoint binds input and sends one mediator command.
/// </summary>
public static class ParticipantApiRoutes
{
    public static IEndpointRouteBuilder MapParticipantApi(this IEndpointRouteBuilder app)
    {
        var conference = app.MapGroup("/api/conferences/{id:guid}");

        var participants = conference.MapGroup("/participants").WithTags("Participants");
        participants.MapGet("/", (Guid id, string? role, string? country, IMediator m, CancellationToken ct) =>
            m.Send(new ListParticipants(id, role, country), ct));
        participants.MapPost("/", async (Guid id, CreateParticipant command, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(command with { Id = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}/participants/{created.Id}", created);
        });
        participants.MapPost("/import", async (Guid id, bool? skipInvalid, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var csv = await reader.ReadToEndAsync(ct);
            return await m.Send(new ImportParticipants(id, csv, skipInvalid ?? false), ct);
        }).Accepts<string>("text/csv");
        participants.MapGet("/{participantId:guid}", (Guid id, Guid participantId, IMediator m, CancellationToken ct) =>
            m.Send(new GetParticipant(id, participantId), ct));
        participants.MapPut("/{participantId:guid}", (Guid id, Guid participantId, UpdateParticipant command, IMediator m, CancellationToken ct) =>
            m.Send(command with { Id = id, ParticipantId = participantId }, ct));
        participants.MapDelete("/{participantId:guid}", async (Guid id, Guid participantId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteParticipant(id, participantId), ct);
            return TypedResults.NoContent();
        });

        var invitations = participants.MapGroup("/{participantId:guid}/invitations").WithTags("Invitations");
        invitations.MapPost("/", async (Guid id, Guid participantId, CreateInvitation command, IMediator m, CancellationToken ct) =>
        {
            var link = await m.Send(command with { Id = id, ParticipantId = participantId }, ct);
            return TypedResults.Created($"/api/conferences/{id}/participants/{participantId}/invitations", link);
        });
        invitations.MapGet("/", (Guid id, Guid participantId, IMediator m, CancellationToken ct) =>
            m.Send(new ListInvitations(id, participantId), ct));
        invitations.MapDelete("/{invitationId:guid}", async (Guid id, Guid participantId, Guid invitationId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RevokeInvitation(id, participantId, invitationId), ct);
            return TypedResults.NoContent();
        });
        conference.MapPost("/invitations", (Guid id, IssueInvitations command, IMediator m, CancellationToken ct) =>
            m.Send(command with { Id = id }, ct)).WithTags("Invitations");

        app.MapPost("/api/join", (RedeemInvitation command, IMediator m, CancellationToken ct) => m.Send(command, ct))
            .WithTags("Invitations")
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<FailedJoinLimit>().InvokeAsync(context, next));

        var registration = conference.MapGroup("/registration").WithTags("Registration");
        registration.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetRegistration(id), ct));
        registration.MapPut("/", (Guid id, ConfigureRegistration command, IMediator m, CancellationToken ct) =>
            m.Send(command with { Id = id }, ct));
        conference.MapPost("/register", async (Guid id, Register command, IMediator m, CancellationToken ct) =>
        {
            var registered = await m.Send(command with { Id = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}/participants/{registered.Session.ParticipantId}", registered);
        }).WithTags("Registration").RequireRateLimiting(AccessLimits.Registration);

        var attendance = conference.MapGroup("/attendance").WithTags("Attendance");
        attendance.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetAttendance(id), ct));
        attendance.MapGet("/log", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetAttendanceLog(id), ct));
        return app;
    }
}
