using Conference.Domain.Programs;

namespace Conference.Domain.Show;

/// <summary>
/// A segment with a queue (the approved video appeals of an appeals block) plays its items one after
/// another: each ends by itself at its own length and the next starts at that instant; the segment ends
/// after the last. Items are named by id, so a queue reordered or shortened during the show stays right.
/// </summary>
public static partial class RunOfShow
{
    /// <summary>Whether the running segment is driven by its queue (it has items, or one is still on air).</summary>
    public static bool InQueueMode(ShowState state, ShowSegment? segment)
    {
        ArgumentNullException.ThrowIfNull(state);
        return segment is not null && (segment.Queue.Count > 0 || state.CueId is not null);
    }

    /// <summary>The queue items of the running segment that have not had their turn in this run, in queue order.</summary>
    public static IReadOnlyList<SegmentCue> PendingCues(ShowState state, ShowSegment segment)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(segment);
        var since = state.SegmentStartedAt ?? DateTimeOffset.MinValue;
        return [.. segment.Queue.Where(c => c.Id != state.CueId && !state.CueRuns.Exists(r => r.CueId == c.Id && r.EndedAt >= since))];
    }

    /// <summary>When the playing item ends: its start + its length + the pauses since it started. Null when none plays.</summary>
    public static DateTimeOffset? CueDeadline(ShowState state, ShowSegment segment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(segment);
        if (state.CueId is not { } id || state.CueStartedAt is not { } startedAt)
        {
            return null;
        }

        // An item taken out of the queue while on air is due at once.
        var duration = segment.Queue.FirstOrDefault(c => c.Id == id)?.Duration ?? TimeSpan.Zero;
        return startedAt + duration + (SegmentClock.PausedSoFar(state, now) - state.CuePausedBase);
    }

    /// <summary>
    /// What follows by itself in a queue segment after a decision: with nothing on air and the queue not
    /// held, the next item starts now, or, with nothing left, the segment ends and the show moves on.
    /// </summary>
    private static List<ShowEvent> Settle(ShowState state, ShowProgram program, DateTimeOffset at)
    {
        var events = new List<ShowEvent>();
        while (state.Status == ShowStatus.Running
               && SegmentClock.CurrentSegment(state, program) is { } segment
               && InQueueMode(state, segment)
               && state.CueId is null
               && !state.QueueHeld)
        {
            ShowEvent[] step;
            if (PendingCues(state, segment) is [var next, ..])
            {
                step = [new CueStarted(at, segment.Id, next.Id, IndexOf(segment, next.Id))];
            }
            else if (segment.Queue.Count == 0)
            {
                // The last item was taken out while on air: the segment goes on by its own rules.
                break;
            }
            else
            {
                step = program.NextPending(state, segment.Id) is { } following
                    ? [new SegmentEnded(at, segment.Id, SegmentEndReason.Deadline), new SegmentStarted(at, following.Id)]
                    : [new SegmentEnded(at, segment.Id, SegmentEndReason.Deadline), new ShowEnded(at)];
            }

            foreach (var @event in step)
            {
                events.Add(@event);
                state = Apply(state, @event);
            }
        }

        return events;
    }

    /// <summary>The command's events followed by what they set going in a queue segment.</summary>
    private static IReadOnlyList<ShowEvent> Settled(ShowState state, ShowProgram program, IReadOnlyList<ShowEvent> events, DateTimeOffset now)
    {
        var after = events.Aggregate(state, Apply);
        var more = Settle(after, program, events.Count > 0 ? events[^1].At : now);
        return more.Count == 0 ? events : [.. events, .. more];
    }

    private static ShowEvent[] PlayNext(ShowState state, ShowProgram program, DateTimeOffset now)
    {
        var (current, segment) = RequireQueue(state, program);
        var events = new List<ShowEvent>();
        if (state.CueId is { } playing)
        {
            events.Add(new CueEnded(now, current, playing, CueEndReason.PlayedNext));
        }

        if (PendingCues(state, segment) is [var next, ..])
        {
            events.Add(new CueStarted(now, current, next.Id, IndexOf(segment, next.Id)));
        }
        else if (events.Count == 0)
        {
            throw new DomainException($"No appeal is left in the queue of '{segment.Title}'; move to the next segment.");
        }

        return [.. events];
    }

    private static ShowEvent[] SkipQueued(ShowState state, ShowProgram program, Guid cueId, DateTimeOffset now)
    {
        var (current, segment) = RequireQueue(state, program);
        if (state.CueId == cueId)
        {
            return [new CueEnded(now, current, cueId, CueEndReason.Skipped)];
        }

        if (!PendingCues(state, segment).Any(c => c.Id == cueId))
        {
            throw new DomainException($"That appeal is not waiting in the queue of '{segment.Title}' (it has played, was skipped, or is not approved).");
        }

        return [new CueSkipped(now, current, cueId)];
    }

    private static ShowEvent[] Hold(ShowState state, ShowProgram program, DateTimeOffset now)
    {
        var (current, segment) = RequireQueue(state, program);
        if (state.QueueHeld)
        {
            throw new DomainException($"The queue of '{segment.Title}' is already paused.");
        }

        return [new QueueHeld(now, current)];
    }

    private static ShowEvent[] Release(ShowState state, ShowProgram program, DateTimeOffset now)
    {
        var (current, segment) = RequireQueue(state, program);
        if (!state.QueueHeld)
        {
            throw new DomainException($"The queue of '{segment.Title}' is not paused.");
        }

        return [new QueueReleased(now, current)];
    }

    private static (Guid Current, ShowSegment Segment) RequireQueue(ShowState state, ShowProgram program)
    {
        var current = RequireRunning(state);
        var segment = program.Find(current);
        if (!InQueueMode(state, segment))
        {
            throw new DomainException($"{Name(program, current)} has no queue of approved appeals to play.");
        }

        return (current, segment!);
    }

    private static int IndexOf(ShowSegment segment, Guid cueId)
    {
        for (var i = 0; i < segment.Queue.Count; i++)
        {
            if (segment.Queue[i].Id == cueId)
            {
                return i;
            }
        }

        return -1;
    }
}
