using Conference.Domain.Participants;
using Conference.LiveKit;
using Conference.Server.Features.Attendance;
using Conference.Server.Media;
using Conference.Server.Infrastructure;
using FluentValidation;
using MediatR;
using Conference.Server.Identity;

namespace Conference.Server.Features.Media;

/// <summary>
/// A verified LiveKit webhook. Its signature is the authorization (checked by the endpoint before
/// this is sent), so it carries no caller permission. People joining and leaving the call feed
/// attendance; a failed ingress or egress turns the conference's media status to degraded.
/// </summary>
[AllowAnonymousRequest]
public sealed record RecordMediaEvent(WebhookEvent Event) : IRequest<Unit>
{
    /// <summary>How long the event's id is remembered to ignore a second delivery (the receiver's replay window).</summary>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromMinutes(12);
}

/// <summary>
/// A signed event is still input: its ids end up as attendance keys, its instant decides what it may reopen.
/// LiveKit's ids are short (PA_xxxxxxxxxxxx); an empty or enormous one is not from LiveKit.
/// </summary>
public sealed class RecordMediaEventValidator : AbstractValidator<RecordMediaEvent>
{
    public const int IdMaxLength = 128;

    public RecordMediaEventValidator()
    {
        RuleFor(r => r.Event.Id).NotEmpty().WithMessage("A webhook event needs its id (for de-duplication).").MaximumLength(IdMaxLength);
        RuleFor(r => r.Event.Event).NotEmpty().WithMessage("A webhook event needs its name.").MaximumLength(IdMaxLength);
        RuleFor(r => r.Event.Room!.Name).MaximumLength(IdMaxLength).When(r => r.Event.Room is not null);
        RuleFor(r => r.Event.Participant!.Sid).NotEmpty().WithMessage("A participant event needs the participant's session id.")
            .MaximumLength(IdMaxLength).When(r => r.Event.Participant is not null);
        RuleFor(r => r.Event.Participant!.Identity).MaximumLength(IdMaxLength).When(r => r.Event.Participant is not null);
        RuleFor(r => r.Event.CreatedAt).PlannableInstant();
    }
}

public sealed class RecordMediaEventHandler(
    IAttendanceLog attendance, MediaStatusReporter reporter, IMediaProvider provider, WebhookReplays replays, TimeProvider clock)
    : IRequestHandler<RecordMediaEvent, Unit>
{
    public async Task<Unit> Handle(RecordMediaEvent request, CancellationToken cancellationToken)
    {
        var e = request.Event;
        if (!replays.IsFirstDelivery(e.Id, request.ReplayWindow))
        {
            return Unit.Value;
        }

        var room = e.Room?.Name ?? e.IngressInfo?.RoomName ?? e.EgressInfo?.RoomName;
        if (!MediaRooms.TryParse(room, out var conferenceId))
        {
            return Unit.Value;
        }

        switch (e.Event)
        {
            case WebhookEventNames.ParticipantJoined when ParticipantId(e) is { } participantId:
                await attendance.RecordJoinAsync(conferenceId, participantId, e.Participant!.Sid, AttendanceSource.Media, cancellationToken, e.CreatedAt);
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
        reporter.ReportAsync(
            new MediaStatus(conferenceId, provider.Name, MediaSyncState.Degraded, error, clock.GetUtcNow(), null, null), live: true, cancellationToken);
}
