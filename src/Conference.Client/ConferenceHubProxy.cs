using Conference.Domain.Awards;
using Conference.Domain.Show;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conference.Client;

/// <summary>
/// The hub's methods as the typed <see cref="IConferenceHub"/>, over one connection and for one caller's cancellation:
/// method names come from the interface the server's hub implements, never from strings typed twice.
/// </summary>
internal sealed class ConferenceHubProxy(HubConnection connection, CancellationToken cancellationToken) : IConferenceHub
{
    public Task<ShowSnapshot> JoinConference(Guid conferenceId) =>
        InvokeAsync<ShowSnapshot>(nameof(JoinConference), conferenceId);

    public Task<ClockSample> SyncClock(long clientSendTicks) =>
        InvokeAsync<ClockSample>(nameof(SyncClock), clientSendTicks);

    public Task<LiveShowState> Start(Guid conferenceId, int expectedRevision) =>
        InvokeAsync<LiveShowState>(nameof(Start), conferenceId, expectedRevision);

    public Task<LiveShowState> Next(Guid conferenceId, int expectedRevision) =>
        InvokeAsync<LiveShowState>(nameof(Next), conferenceId, expectedRevision);

    public Task<LiveShowState> GoTo(Guid conferenceId, int expectedRevision, Guid segmentId) =>
        InvokeAsync<LiveShowState>(nameof(GoTo), conferenceId, expectedRevision, segmentId);

    public Task<LiveShowState> Pause(Guid conferenceId, int expectedRevision) =>
        InvokeAsync<LiveShowState>(nameof(Pause), conferenceId, expectedRevision);

    public Task<LiveShowState> Resume(Guid conferenceId, int expectedRevision) =>
        InvokeAsync<LiveShowState>(nameof(Resume), conferenceId, expectedRevision);

    public Task<LiveShowState> AdjustTime(Guid conferenceId, int expectedRevision, int deltaSeconds) =>
        InvokeAsync<LiveShowState>(nameof(AdjustTime), conferenceId, expectedRevision, deltaSeconds);

    public Task<LiveShowState> Skip(Guid conferenceId, int expectedRevision, Guid segmentId) =>
        InvokeAsync<LiveShowState>(nameof(Skip), conferenceId, expectedRevision, segmentId);

    public Task<LiveShowState> End(Guid conferenceId, int expectedRevision) =>
        InvokeAsync<LiveShowState>(nameof(End), conferenceId, expectedRevision);

    public Task<AwardTally> MarkAwardee(Guid conferenceId, Guid awardId, Guid participantId, AwardOutcome outcome) =>
        InvokeAsync<AwardTally>(nameof(MarkAwardee), conferenceId, awardId, participantId, outcome);

    public Task<LiveShowState> Reset(Guid conferenceId, int expectedRevision) =>
        InvokeAsync<LiveShowState>(nameof(Reset), conferenceId, expectedRevision);

    public Task<LiveShowState> AdvanceCue(Guid conferenceId, int expectedRevision) =>
        InvokeAsync<LiveShowState>(nameof(AdvanceCue), conferenceId, expectedRevision);

    public Task<LiveShowState> SetCue(Guid conferenceId, int expectedRevision, int cueIndex) =>
        InvokeAsync<LiveShowState>(nameof(SetCue), conferenceId, expectedRevision, cueIndex);

    public Task<LiveShowState> SendMessage(Guid conferenceId, int expectedRevision, MessageAudience audience, string text) =>
        InvokeAsync<LiveShowState>(nameof(SendMessage), conferenceId, expectedRevision, audience, text);

    /// <summary>
    /// SignalR prefixes a server's <see cref="HubException"/> with "An unexpected error occurred invoking ...";
    /// this hands callers the server's own message, as HTTP clients read it in the problem details.
    /// </summary>
    private async Task<T> InvokeAsync<T>(string method, params object?[] arguments)
    {
        try
        {
            return await connection.InvokeCoreAsync<T>(method, arguments, cancellationToken).ConfigureAwait(false);
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
