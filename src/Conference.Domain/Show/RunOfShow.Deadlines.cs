using Conference.Domain.Programs;

namespace Conference.Domain.Show;

/// <summary>Auto-advance: segments of known length end at their deadline, even if the server was down then.</summary>
public static partial class RunOfShow
{
    /// <summary>
    /// The absolute instant at which the running segment ends by itself, for the server's timer;
    /// null when the show is not running, is paused, or the segment ends by hand.
    /// Never earlier than the last event, so the log's timestamps never go backwards.
    /// </summary>
    public static DateTimeOffset? NextDeadline(ShowState state, ShowProgram program)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status == ShowStatus.Running
            && SegmentClock.CurrentSegment(state, program) is { } queued
            && InQueueMode(state, queued)
            && state.LastEventAt is { } queueEventAt)
        {
            // A queue segment is due when its playing item ends; with nothing on air it waits only while held
            // (otherwise something was left to start or end, after a program change: due now).
            var due = CueDeadline(state, queued, queueEventAt) ?? (state.QueueHeld ? (DateTimeOffset?)null : queueEventAt);
            return due is { } d && d < queueEventAt ? queueEventAt : due;
        }

        if (state.Status != ShowStatus.Running
            || SegmentClock.CurrentSegment(state, program) is not { EndMode: EndMode.AutoAdvance }
            || state.LastEventAt is not { } lastEventAt)
        {
            return null;
        }

        // Not paused, so the deadline does not depend on the instant it is looked at from.
        var deadline = SegmentClock.Deadline(state, program, lastEventAt)!.Value;
        return deadline > lastEventAt ? deadline : lastEventAt;
    }

    /// <summary>
    /// Recovery after downtime: closes every auto-advance segment whose deadline has passed by
    /// <paramref name="now"/>, each at its own deadline, starting the next at that same instant
    /// (or ending the show after the last). Empty when nothing is due.
    /// </summary>
    public static IReadOnlyList<ShowEvent> CatchUp(ShowState state, ShowProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        var events = new List<ShowEvent>();
        while (NextDeadline(state, program) is { } deadline && deadline <= now)
        {
            var current = state.CurrentSegmentId!.Value;
            var segment = SegmentClock.CurrentSegment(state, program);
            List<ShowEvent> step;
            if (InQueueMode(state, segment))
            {
                step = [];
                if (state.CueId is { } cue)
                {
                    var reason = segment!.Queue.Any(c => c.Id == cue) ? CueEndReason.Finished : CueEndReason.PulledOut;
                    step.Add(new CueEnded(deadline, current, cue, reason));
                }
            }
            else
            {
                step = program.NextPending(state, current) is { } next
                    ? [new SegmentEnded(deadline, current, SegmentEndReason.Deadline), new SegmentStarted(deadline, next.Id)]
                    : [new SegmentEnded(deadline, current, SegmentEndReason.Deadline), new ShowEnded(deadline)];
            }

            foreach (var @event in step)
            {
                events.Add(@event);
                state = Apply(state, @event);
            }

            // Each item starts the instant the one before it ended, also when caught up after downtime.
            var settled = Settle(state, program, deadline);
            if (step.Count == 0 && settled.Count == 0)
            {
                break;
            }

            foreach (var @event in settled)
            {
                events.Add(@event);
                state = Apply(state, @event);
            }
        }

        return events;
    }

    /// <summary>The timer's command: checks the timer was armed for the deadline that still holds, then catches up.</summary>
    private static IReadOnlyList<ShowEvent> Advance(ShowState state, ShowProgram program, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var current = RequireRunning(state);
        var deadline = NextDeadline(state, program)
            ?? throw new DomainException($"{Name(program, current)} ends by hand; there is nothing to advance.");
        if (deadline != dueAt)
        {
            throw new DomainException($"{Name(program, current)} is now due at {deadline:O}, not {dueAt:O}; the timer is stale.");
        }

        if (deadline > now)
        {
            throw new DomainException($"{Name(program, current)} is not due until {deadline:O}.");
        }

        return CatchUp(state, program, now);
    }
}
