using Conference.Domain.Awards;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conference.Client;

public sealed partial class ConferenceLiveClient
{
    /// <summary>Raised when the awards ceremony calls a recipient.</summary>
    public event EventHandler<AwardeeCall>? AwardeeCalled;

    /// <summary>Raised (for hosts and producers) when a recipient was marked.</summary>
    public event EventHandler<AwardTallyNotice>? AwardTallyChanged;

    /// <summary>Marks a called recipient presented, absent or deferred (host or producer); returns the award's tally.</summary>
    public Task<AwardTally> MarkAwardeeAsync(Guid awardId, Guid participantId, AwardOutcome outcome, CancellationToken cancellationToken = default)
    {
        var conferenceId = _conferenceId ?? throw new InvalidOperationException("Join a conference first.");
        return Hub(cancellationToken).MarkAwardee(conferenceId, awardId, participantId, outcome);
    }

    private void ListenForAwards()
    {
        Connection.On<AwardeeCall>(nameof(IConferenceClient.AwardeeCalled), call => AwardeeCalled?.Invoke(this, call));
        Connection.On<AwardTallyNotice>(nameof(IConferenceClient.AwardTallyChanged), notice => AwardTallyChanged?.Invoke(this, notice));
    }
}
