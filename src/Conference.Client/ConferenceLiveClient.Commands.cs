using Conference.Domain.Show;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Client;

/// <summary>
/// Host commands. Each names the revision it is based on: by default the one this client holds,
/// so a host who has not seen another host's change gets a conflict instead of a double advance.
/// Failures arrive as <see cref="HubException"/> with the server's message.
/// </summary>
public sealed partial class ConferenceLiveClient
{
    /// <summary>Starts the show.</summary>
    public Task<LiveShowState> StartShowAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.Start(id, revision), expectedRevision, cancellationToken);

    /// <summary>Ends the running segment and starts the next.</summary>
    public Task<LiveShowState> NextAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.Next(id, revision), expectedRevision, cancellationToken);

    /// <summary>Ends the running segment and starts <paramref name="segmentId"/>.</summary>
    public Task<LiveShowState> GoToAsync(Guid segmentId, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.GoTo(id, revision, segmentId), expectedRevision, cancellationToken);

    /// <summary>Pauses the running segment's clock.</summary>
    public Task<LiveShowState> PauseAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.Pause(id, revision), expectedRevision, cancellationToken);

    /// <summary>Resumes the paused segment's clock.</summary>
    public Task<LiveShowState> ResumeAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.Resume(id, revision), expectedRevision, cancellationToken);

    /// <summary>Adds (positive) or takes (negative) whole seconds on the running segment.</summary>
    public Task<LiveShowState> AdjustTimeAsync(
        int deltaSeconds, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.AdjustTime(id, revision, deltaSeconds), expectedRevision, cancellationToken);

    /// <summary>Skips a segment (the running one ends and the next starts).</summary>
    public Task<LiveShowState> SkipAsync(Guid segmentId, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.Skip(id, revision, segmentId), expectedRevision, cancellationToken);

    /// <summary>Ends the show.</summary>
    public Task<LiveShowState> EndShowAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.End(id, revision), expectedRevision, cancellationToken);

    /// <summary>Moves to the running segment's next cue.</summary>
    public Task<LiveShowState> AdvanceCueAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.AdvanceCue(id, revision), expectedRevision, cancellationToken);

    /// <summary>Moves the running segment to cue <paramref name="cueIndex"/> (zero-based).</summary>
    public Task<LiveShowState> SetCueAsync(int cueIndex, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.SetCue(id, revision, cueIndex), expectedRevision, cancellationToken);

    /// <summary>Sends a message to an audience (speakers, hosts).</summary>
    public Task<LiveShowState> SendMessageAsync(
        MessageAudience audience, string text, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync((hub, id, revision) => hub.SendMessage(id, revision, audience, text), expectedRevision, cancellationToken);

    /// <summary>The hub's methods, typed, for this connection and <paramref name="cancellationToken"/>.</summary>
    internal IConferenceHub Hub(CancellationToken cancellationToken) => new ConferenceHubProxy(Connection, cancellationToken);

    private async Task<LiveShowState> CommandAsync(
        Func<IConferenceHub, Guid, int, Task<LiveShowState>> command, int? expectedRevision, CancellationToken cancellationToken)
    {
        var conferenceId = _conferenceId ?? throw new InvalidOperationException("Join a conference first.");
        var revision = expectedRevision ?? Show?.Revision ?? throw new InvalidOperationException("No show state yet; join first.");
        var state = await command(Hub(cancellationToken), conferenceId, revision).ConfigureAwait(false);
        Receive(state);
        return state;
    }
}
