using Conference.Domain.Participants;
using Conference.LiveKit;
using Conference.Server.Features.Attendance;
using Conference.Server.Media;
using MediatR;

namespace Conference.Server.Features.Media;

/// <summary>
/// A verified LiveKit webhook. Its signature is the authorization (checked by the endpoint before
/// this is sent), so it carries no caller permission. People joining and leaving the call feed
/// attendance; a failed ingress or egress turns the conference's media status to degraded.
/// </summary>
public sealed record RecordMediaEvent(WebhookEvent Event) : IRequest<Unit>;

public sealed class RecordMediaEventHandler(IAttendanceLog attendance, MediaStatusReporter reporter, IMediaProvider provider, TimeProvider clock)
    : IRequestHandler<RecordMediaEvent, Unit>
{
    public async Task<Unit> Handle(RecordMediaEvent request, CancellationToken cancellationToken)
    {
        var e = request.Event;
        var room = e.Room?.Name ?? e.IngressInfo?.RoomName ?? e.EgressInfo?.RoomName;
        if (!MediaRooms.TryParse(room, out var conferenceId))
        {
            return Unit.Value;
        }

        switch (e.Event)
        {
            case WebhookEventNames.ParticipantJoined when ParticipantId(e) is { } participantId:
                await attendance.RecordJoinAsync(conferenceId, participantId, e.Participant!.Sid, AttendanceSource.Media, cancellationToken);
                break;
            case WebhookEventNames.ParticipantLeft or WebhookEventNames.ParticipantConnectionAborted when e.Participant is { } left:
                await attendance.RecordLeaveAsync(conferenceId, left.Sid, AttendanceSource.Media, cancellationToken);
                break;
            case WebhookEventNames.RoomFinished:
                await attendance.CloseAllAsync(conferenceId, AttendanceSource.Media, cancellationToken);
                break;
            case WebhookEventNames.IngressEnded or WebhookEventNames.IngressStarted when e.IngressInfo?.State?.Error is { Length: > 0 } error:
                await DegradeAsync(conferenceId, $"Playout failed: {error}", cancellationToken);
                break;
            case WebhookEventNames.EgressEnded or WebhookEventNames.EgressUpdated when e.EgressInfo?.Error is { Length: > 0 } error:
                await DegradeAsync(conferenceId, $"Recording failed: {error}", cancellationToken);
                break;
        }

        return Unit.Value;
    }

    /// <summary>Participants join the call with their participant id as identity; others (service bots) are not attendance.</summary>
    private static Guid? ParticipantId(WebhookEvent e) =>
        e.Participant is { } p && Guid.TryParse(p.Identity, out var id) ? id : null;

    private Task DegradeAsync(Guid conferenceId, string error, CancellationToken cancellationToken) =>
        reporter.ReportAsync(new MediaStatus(conferenceId, provider.Name, MediaSyncState.Degraded, error, clock.GetUtcNow()), live: true, cancellationToken);
}
