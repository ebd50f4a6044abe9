using Microsoft.AspNetCore.SignalR.Client;

namespace Conference.Client;

public sealed partial class ConferenceLiveClient
{
    /// <summary>Raised when the appeals block on air moves: an appeal starts or ends, the queue or the show pauses.</summary>
    public event EventHandler<AppealQueueNotice>? AppealQueueChanged;

    private void ListenForAppeals() =>
        Connection.On<AppealQueueNotice>(nameof(IConferenceClient.AppealQueueChanged), notice => AppealQueueChanged?.Invoke(this, notice));
}
