using Conference.Domain.Show;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

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
        CommandAsync("Start", expectedRevision, [], cancellationToken);

    /// <summary>Ends the running segment and starts the next.</summary>
    public Task<LiveShowState> NextAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("Next", expectedRevision, [], cancellationToken);

    /// <summary>Ends the running segment and starts <paramref name="segmentId"/>.</summary>
    public Task<LiveShowState> GoToAsync(Guid segmentId, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("GoTo", expectedRevision, [segmentId], cancellationToken);

    /// <summary>Pauses the running segment's clock.</summary>
    public Task<LiveShowState> PauseAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("Pause", expectedRevision, [], cancellationToken);

    /// <summary>Resumes the paused segment's clock.</summary>
    public Task<LiveShowState> ResumeAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("Resume", expectedRevision, [], cancellationToken);

    /// <summary>Adds (positive) or takes (negative) whole seconds on the running segment.</summary>
    public Task<LiveShowState> AdjustTimeAsync(int deltaSeconds, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("AdjustTime", expectedRevision, [deltaSeconds], cancellationToken);

    /// <summary>Skips a segment (the running one ends and the next starts).</summary>
    public Task<LiveShowState> SkipAsync(Guid segmentId, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("Skip", expectedRevision, [segmentId], cancellationToken);

    /// <summary>Ends the show.</summary>
    public Task<LiveShowState> EndShowAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("End", expectedRevision, [], cancellationToken);

    /// <summary>Returns the show to "not started" after a rehearsal; what ran is kept, marked as a rehearsal.</summary>
    public Task<LiveShowState> ResetShowAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("Reset", expectedRevision, [], cancellationToken);

    /// <summary>Moves to the running segment's next cue.</summary>
    public Task<LiveShowState> AdvanceCueAsync(int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("AdvanceCue", expectedRevision, [], cancellationToken);

    /// <summary>Moves the running segment to cue <paramref name="cueIndex"/> (zero-based).</summary>
    public Task<LiveShowState> SetCueAsync(int cueIndex, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("SetCue", expectedRevision, [cueIndex], cancellationToken);

    /// <summary>Sends a message to the speakers or the hosts.</summary>
    public Task<LiveShowState> SendMessageAsync(MessageAudience audience, string text, int? expectedRevision = null, CancellationToken cancellationToken = default) =>
        CommandAsync("SendMessage", expectedRevision, [audience, text], cancellationToken);

    private async Task<LiveShowState> CommandAsync(string method, int? expectedRevision, object?[] arguments, CancellationToken cancellationToken)
    {
        var conferenceId = _conferenceId ?? throw new InvalidOperationException("Join a conference first.");
        var revision = expectedRevision ?? Show?.Revision ?? throw new InvalidOperationException("No show state yet; join first.");
        var state = await InvokeAsync<LiveShowState>(method, [conferenceId, revision, .. arguments], cancellationToken).ConfigureAwait(false);
        Receive(state);
        return state;
    }

    /// <summary>
    /// Invokes a hub method. SignalR prefixes a server's <see cref="HubException"/> with "An unexpected
    /// error occurred invoking ..."; this hands callers the server's own message, as HTTP clients read it.
    /// </summary>
    private async Task<T> InvokeAsync<T>(string method, object?[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await Connection.InvokeCoreAsync<T>(method, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (HubException exception)
        {
            const string Marker = "HubException: ";
            var at = exception.Message.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                throw;
            }

            throw new HubException(exception.Message[(at + Marker.Length)..], exception);
        }
    }
}
