namespace Conference.Domain.Show;

/// <summary>
/// The run-of-show engine: decides which events a command produces (throwing on an illegal
/// move) and folds events into state. Pure: time comes in as <c>now</c>, events go out as values.
/// </summary>
public static partial class RunOfShow
{
    public static IReadOnlyList<ShowEvent> Decide(ShowState state, ShowCommand command, ShowProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(program);
        if (command.ExpectedRevision != state.Revision)
        {
            throw new RevisionConflictException("show", command.ExpectedRevision, state.Revision);
        }

        // Clocks of two nodes may disagree after a failover; the log must still never go back in time.
        if (state.LastEventAt is { } last && now < last)
        {
            now = last;
        }

        IReadOnlyList<ShowEvent> events = command switch
        {
            StartShow => Start(state, program, now),
            NextSegment => Next(state, program, now),
            GoToSegment c => GoTo(state, program, c.SegmentId, now),
            SkipSegment c => Skip(state, program, c.SegmentId, now),
            EndShow => End(state, now),
            ResetShow => Reset(state, now),
            PauseShow => Pause(state, now),
            ResumeShow => Resume(state, now),
            AdjustTime c => Adjust(state, program, c.Delta, now),
            AdvanceCue => Cue(state, program, state.CueIndex + 1, now),
            SetCue c => Cue(state, program, c.CueIndex, now),
            SendMessage c => Message(state, c, now),
            AutoAdvance c => Advance(state, program, c.DueAt, now),
            PlayNextCue => PlayNext(state, program, now),
            SkipCue c => SkipQueued(state, program, c.CueId, now),
            HoldQueue => Hold(state, program, now),
            ReleaseQueue => Release(state, program, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown show command."),
        };
        return Settled(state, program, events, now);
    }

    private static ShowEvent[] Start(ShowState state, ShowProgram program, DateTimeOffset now)
    {
        if (state.Status != ShowStatus.NotStarted)
        {
            throw new DomainException(state.Status == ShowStatus.Ended ? "The show has ended." : "The show has already started.");
        }

        var first = program.NextPending(state, null)
            ?? throw new DomainException("The program has no segment to run; add one or unskip one first.");
        return [new ShowStarted(now), new SegmentStarted(now, first.Id)];
    }

    private static ShowEvent[] Next(ShowState state, ShowProgram program, DateTimeOffset now)
    {
        var current = RequireRunning(state);
        var next = program.NextPending(state, current)
            ?? throw new DomainException($"There is no segment after {Name(program, current)}; end the show instead.");
        return [new SegmentEnded(now, current, SegmentEndReason.Host), new SegmentStarted(now, next.Id)];
    }

    private static ShowEvent[] GoTo(ShowState state, ShowProgram program, Guid segmentId, DateTimeOffset now)
    {
        var current = RequireRunning(state);
        var target = program.Get(segmentId);
        if (target.Id == current)
        {
            throw new DomainException($"'{target.Title}' is already running.");
        }

        // A segment that already ran starts a new run: the host opened the wrong one, or repeats it.
        return [new SegmentEnded(now, current, SegmentEndReason.Host), new SegmentStarted(now, target.Id)];
    }

    private static ShowEvent[] Skip(ShowState state, ShowProgram program, Guid segmentId, DateTimeOffset now)
    {
        RequireNotEnded(state);
        if (segmentId == state.CurrentSegmentId)
        {
            var current = RequireRunning(state);
            var next = program.NextPending(state, current)
                ?? throw new DomainException($"There is no segment after {Name(program, current)} to skip to; end the show instead.");
            return [new SegmentEnded(now, current, SegmentEndReason.Skipped), new SegmentStarted(now, next.Id)];
        }

        var target = program.Get(segmentId);
        if (state.HasRun(target.Id))
        {
            throw new DomainException($"'{target.Title}' has already run; only a segment that has not run can be skipped.");
        }

        if (state.IsSkipped(target.Id))
        {
            throw new DomainException($"'{target.Title}' is already skipped.");
        }

        return [new SegmentSkipped(now, target.Id)];
    }

    private static ShowEvent[] End(ShowState state, DateTimeOffset now)
    {
        RequireStarted(state);
        return state.CurrentSegmentId is { } current
            ? [new SegmentEnded(now, current, SegmentEndReason.ShowEnded), new ShowEnded(now)]
            : [new ShowEnded(now)];
    }

    /// <summary>Back to "not started" from any state but that one; a running segment ends at the reset.</summary>
    private static ShowEvent[] Reset(ShowState state, DateTimeOffset now)
    {
        if (state.Status == ShowStatus.NotStarted)
        {
            throw new DomainException("The show has not started; there is nothing to reset.");
        }

        return state.CurrentSegmentId is { } current
            ? [new SegmentEnded(now, current, SegmentEndReason.ShowReset), new ShowReset(now)]
            : [new ShowReset(now)];
    }

    /// <summary>The show must be on air and not paused; returns the running segment.</summary>
    private static Guid RequireRunning(ShowState state)
    {
        var current = RequireStarted(state);
        if (state.Status == ShowStatus.Paused)
        {
            throw new DomainException("The show is paused; resume it first.");
        }

        return current;
    }

    /// <summary>The show must be on air, running or paused; returns the running segment.</summary>
    private static Guid RequireStarted(ShowState state)
    {
        RequireNotEnded(state);
        if (state.Status == ShowStatus.NotStarted)
        {
            throw new DomainException("The show has not started.");
        }

        return state.CurrentSegmentId ?? throw new DomainException("No segment is running.");
    }

    private static void RequireNotEnded(ShowState state)
    {
        if (state.Status == ShowStatus.Ended)
        {
            throw new DomainException("The show has ended.");
        }
    }

    /// <summary>A segment's title in quotes for messages; a segment removed from the program is still named.</summary>
    private static string Name(ShowProgram program, Guid segmentId) =>
        program.Find(segmentId) is { } segment ? $"'{segment.Title}'" : "the running segment";
}
