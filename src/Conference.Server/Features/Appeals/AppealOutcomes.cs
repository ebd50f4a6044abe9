using Conference.Domain.Show;

namespace Conference.Server.Features.Appeals;

/// <summary>What the show's log says of each appeal that had its turn: played or skipped (the latest turn counts).</summary>
public static class AppealOutcomes
{
    public static IReadOnlyDictionary<Guid, string> From(ShowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var outcomes = new Dictionary<Guid, string>();
        foreach (var run in state.CueRuns)
        {
            outcomes[run.CueId] = run.Played ? "played" : "skipped";
        }

        if (state.CueId is { } playing)
        {
            outcomes[playing] = "playing";
        }

        return outcomes;
    }
}
