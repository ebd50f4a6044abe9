using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conference.LoadTest;

/// <summary>
/// Each <c>ShowChanged</c> as it came over the host's connection, before the SDK merges it: only the runs the
/// change touched. The baseline re-sends exactly this, so both sides carry the same bytes.
/// </summary>
internal sealed class PushedShowChanges
{
    private readonly ConcurrentDictionary<int, LiveShowState> _byRevision = new();

    public PushedShowChanges(HubConnection connection) =>
        connection.On<LiveShowState>("ShowChanged", state => _byRevision[state.Revision] = state);

    /// <summary>The pushed change of <paramref name="revision"/> (it may arrive just after the command's own answer).</summary>
    public async Task<LiveShowState> OfRevisionAsync(int revision, CancellationToken cancellationToken)
    {
        LiveShowState? state;
        while (!_byRevision.TryGetValue(revision, out state))
        {
            await Task.Delay(1, cancellationToken);
        }

        return state;
    }
}
