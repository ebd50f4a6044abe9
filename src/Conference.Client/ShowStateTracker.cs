namespace Conference.Client;

/// <summary>What to do with a show state that arrived.</summary>
internal enum Arrival
{
    /// <summary>Applied: it follows the held state (its runs merged with those held).</summary>
    Applied,

    /// <summary>Not newer than the held state (a command's result and its push both arrive): dropped.</summary>
    Stale,

    /// <summary>It cannot be placed (a missed change, runs not held, another program revision): take a fresh snapshot.</summary>
    Gap,
}

/// <summary>
/// The resync rules of the live protocol (docs/live-protocol.md, "Staying in sync"), apart from the connection so they
/// can be tested alone: a state follows the held one when its previous revision is the held revision, the runs it
/// leaves out are held, and it was decided against the held program.
/// </summary>
internal static class ShowStateTracker
{
    /// <summary>Decides on <paramref name="arrived"/> given the held state and program; <paramref name="merged"/> is the state to hold when applied.</summary>
    public static Arrival Decide(LiveShowState? held, int? heldProgramRevision, LiveShowState arrived, out LiveShowState merged)
    {
        ArgumentNullException.ThrowIfNull(arrived);
        merged = arrived;
        if (held is not null && arrived.Revision <= held.Revision)
        {
            return Arrival.Stale;
        }

        var gap = (held is not null && arrived.PreviousRevision != held.Revision)
            || (arrived.RunsFrom > 0 && (held is null || held.Runs.Count < arrived.RunsFrom))
            || (heldProgramRevision is { } program && program != arrived.ProgramRevision);
        if (gap)
        {
            return Arrival.Gap;
        }

        if (arrived.RunsFrom > 0)
        {
            merged = arrived with { Runs = [.. held!.Runs.Take(arrived.RunsFrom), .. arrived.Runs], RunsFrom = 0 };
        }

        return Arrival.Applied;
    }
}
