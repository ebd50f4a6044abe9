using Microsoft.AspNetCore.SignalR.Client;

namespace Conference.Client;

public sealed partial class ConferenceLiveClient
{
    /// <summary>Raised when the appeals block on air moves: an appeal starts or ends, the queue or the show pauses.</summary>
    public event EventHandler<AppealQueueNotice>? AppealQueueChanged;

    /// <summary>Raised (for hosts and producers) when the appeal queue was edited; read it again when its revision is newer.</summary>
    public event EventHandler<AppealsEditedNotice>? AppealsEdited;

    private void ListenForAppeals()
    {
        Connection.On<AppealQueueNotice>(nameof(IConferenceClient.AppealQueueChanged), notice => AppealQueueChanged?.Invoke(this, notice));
        Connection.On<AppealsEditedNotice>(nameof(IConferenceClient.AppealsEdited), notice => AppealsEdited?.Invoke(this, notice));
    }
}
