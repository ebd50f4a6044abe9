using Conference.Domain;
using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Control;

/// <summary>What a stream-deck button can do: nothing else is reachable with a control token.</summary>
public enum ControlAction
{
    Next,
    Pause,
    Resume,
}

/// <summary>What a press did. Only the first three changed the show.</summary>
public enum ControlOutcome
{
    Advanced,
    Paused,
    Resumed,

    /// <summary>The show had already left the segment the press was meant for (another deck or host was first).</summary>
    AlreadyAdvanced,
    AlreadyPaused,
    AlreadyRunning,
}

/// <summary>
/// A stream-deck press, authenticated by the control token alone (header <c>X-Control-Token</c>) and
/// needing no revision. Next means "next, if the show is still on the segment it was on when the press
/// arrived" (or on <see cref="IfSegment"/> when the button names one): two decks pressed at once both
/// mean the same segment, so the show advances once. Pause and resume are idempotent.
/// </summary>
[AllowAnonymousRequest]
public sealed record PressControl(string? Token, ControlAction Action, Guid? IfSegment) : IRequest<ControlPressResult>;

public sealed record ControlPressResult(
    ControlOutcome Outcome, int Revision, ShowStatus Status, Guid? CurrentSegmentId, string? CurrentSegmentTitle);

public sealed class PressControlHandler(ConferenceDbContext db, ShowCoordinator coordinator, TimeProvider time)
    : IRequestHandler<PressControl, ControlPressResult>
{
    /// <summary>
    /// A Next without a named segment that arrives this soon after the current segment started is taken
    /// as a second press of the same moment (a deck whose request came in just after another's) and ignored.
    /// </summary>
    public static readonly TimeSpan PressGuard = TimeSpan.FromSeconds(2);

    /// <summary>Each lost race re-reads the show; more than a few in a row means something else is wrong.</summary>
    private const int Attempts = 5;

    public async Task<ControlPressResult> Handle(PressControl request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var receivedAt = time.GetUtcNow();
        var conferenceId = await AuthenticateAsync(request.Token, receivedAt, cancellationToken);
        var (_, program, first) = await coordinator.ReadAsync(db, conferenceId, cancellationToken);
        var target = request.IfSegment ?? first.CurrentSegmentId;
        if (request.Action == ControlAction.Next && request.IfSegment is null && first.SegmentStartedAt is { } started
            && started > receivedAt - PressGuard)
        {
            return Result(ControlOutcome.AlreadyAdvanced, first, program);
        }

        var state = first;
        for (var attempt = 1; ; attempt++)
        {
            var (command, noOp) = Decide(request.Action, state, target);
            if (command is null)
            {
                return Result(noOp, state, program);
            }

            try
            {
                var live = await coordinator.ExecuteAsync(conferenceId, command, cancellationToken);
                return new ControlPressResult(Done(request.Action), live.Revision, live.Status, live.CurrentSegmentId, live.CurrentSegmentTitle);
            }
            catch (RevisionConflictException) when (attempt < Attempts)
            {
                // Someone acted in between: decide again from what the show is now.
                (_, _, state) = await coordinator.ReadAsync(db, conferenceId, cancellationToken);
            }
        }
    }

    private static (ShowCommand? Command, ControlOutcome NoOp) Decide(ControlAction action, ShowState state, Guid? target) => action switch
    {
        ControlAction.Next when state.CurrentSegmentId != target => (null, ControlOutcome.AlreadyAdvanced),
        ControlAction.Next when state.Status == ShowStatus.NotStarted => (new StartShow(state.Revision), default),
        ControlAction.Next => (new NextSegment(state.Revision), default),
        ControlAction.Pause when state.Status == ShowStatus.Paused => (null, ControlOutcome.AlreadyPaused),
        ControlAction.Pause => (new PauseShow(state.Revision), default),
        ControlAction.Resume when state.Status == ShowStatus.Running => (null, ControlOutcome.AlreadyRunning),
        ControlAction.Resume => (new ResumeShow(state.Revision), default),
        _ => throw new DomainException($"Unknown control action '{action}'."),
    };

    private static ControlOutcome Done(ControlAction action) => action switch
    {
        ControlAction.Pause => ControlOutcome.Paused,
        ControlAction.Resume => ControlOutcome.Resumed,
        _ => ControlOutcome.Advanced,
    };

    private static ControlPressResult Result(ControlOutcome outcome, ShowState state, ShowProgram program) =>
        new(outcome, state.Revision, state.Status, state.CurrentSegmentId,
            state.CurrentSegmentId is { } id ? program.Find(id)?.Title : null);

    private async Task<Guid> AuthenticateAsync(string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            throw new AccessDeniedException("Send the control token in the 'X-Control-Token' header.", authenticated: false);
        }

        var hash = SessionTokens.HashInvitationCode(token);
        var record = await db.ControlTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken)
            ?? throw new AccessDeniedException("This control token is not valid.", authenticated: false);
        if (record.RevokedAt is not null)
        {
            throw new AccessDeniedException("This control token was revoked. Ask a host for a new one.", authenticated: false);
        }

        record.LastUsedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return record.ConferenceId;
    }
}
