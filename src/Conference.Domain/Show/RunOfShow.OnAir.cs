namespace Conference.Domain.Show;

/// <summary>Decisions that act on the running segment without moving the show to another one.</summary>
public static partial class RunOfShow
{
    private static ShowEvent[] Pause(ShowState state, DateTimeOffset now)
    {
        if (state.Status == ShowStatus.Paused)
        {
            throw new DomainException("The show is already paused.");
        }

        RequireRunning(state);
        return [new Paused(now)];
    }

    private static ShowEvent[] Resume(ShowState state, DateTimeOffset now)
    {
        RequireStarted(state);
        if (state.Status != ShowStatus.Paused)
        {
            throw new DomainException("The show is not paused.");
        }

        return [new Resumed(now)];
    }

    /// <summary>
    /// Time may be added freely (up to <see cref="ShowLimits.MaxAddedTime"/>) but taken only
    /// down to zero remaining: cutting more would put the deadline in the past and close the
    /// segment at an instant that has already gone by.
    /// </summary>
    private static ShowEvent[] Adjust(ShowState state, ShowProgram program, TimeSpan delta, DateTimeOffset now)
    {
        var current = RequireStarted(state);
        if (delta == TimeSpan.Zero)
        {
            throw new ProgramRuleException("delta", "Adjust the time by a non-zero amount.");
        }

        var segment = program.Find(current)
            ?? throw new DomainException("The running segment is no longer in the program; its time cannot be adjusted.");
        if (delta > TimeSpan.Zero && state.AddedTime + delta > ShowLimits.MaxAddedTime)
        {
            throw new DomainException($"At most {ShowLimits.MaxAddedTime.TotalHours:0} hours can be added to '{segment.Title}'.");
        }

        var remaining = SegmentClock.Remaining(state, program, now) ?? TimeSpan.Zero;
        if (delta < TimeSpan.Zero && remaining + delta < TimeSpan.Zero)
        {
            var left = remaining > TimeSpan.Zero ? $"only {Seconds(remaining)} s left" : "no time left";
            throw new DomainException($"'{segment.Title}' has {left}; you cannot take away {Seconds(-delta)} s.");
        }

        return [new TimeAdjusted(now, current, delta)];
    }

    private static ShowEvent[] Cue(ShowState state, ShowProgram program, int cueIndex, DateTimeOffset now)
    {
        var current = RequireStarted(state);
        if (InQueueMode(state, program.Find(current)))
        {
            throw new DomainException("The appeals queue moves by itself; use play-next or skip for its items.");
        }

        if (cueIndex < 0)
        {
            throw new ProgramRuleException("cueIndex", "A cue index is zero or more.");
        }

        if (cueIndex == state.CueIndex)
        {
            throw new DomainException($"The cue is already at {cueIndex}.");
        }

        return [new CueAdvanced(now, current, cueIndex)];
    }

    /// <summary>Hosts may brief speakers before the show starts, so only an ended show refuses messages.</summary>
    private static ShowEvent[] Message(ShowState state, SendMessage command, DateTimeOffset now)
    {
        RequireNotEnded(state);
        if (!Enum.IsDefined(command.Audience))
        {
            throw new ProgramRuleException("audience", "A message goes to speakers or to hosts.");
        }

        var text = command.Text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new ProgramRuleException("text", "A message needs text.");
        }

        if (text.Length > ShowLimits.MessageMaxLength)
        {
            throw new ProgramRuleException("text", $"A message is at most {ShowLimits.MessageMaxLength} characters.");
        }

        return [new MessageSent(now, command.Audience, text)];
    }

    private static long Seconds(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds);
}
