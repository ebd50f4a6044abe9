namespace Conference.Contracts;

/// <summary>The methods the server calls on connected clients (the hub's <c>Hub&lt;IConferenceClient&gt;</c>).</summary>
public interface IConferenceClient
{
    /// <summary>The show changed (sent once per change, to everyone in the conference; never as a tick).</summary>
    Task ShowChanged(LiveShowState state);

    /// <summary>A host message for the caller's role.</summary>
    Task MessageReceived(HostMessage message);

    /// <summary>To hosts: whether the call matches the show (in sync, pending, degraded with the error).</summary>
    Task MediaStatusChanged(MediaStatus status);

    /// <summary>The program was edited; clients fetch a fresh snapshot.</summary>
    Task ProgramChanged(ProgramChangedNotice notice);

    /// <summary>
    /// To one connection, just before the server closes it: its session ended (revoked, expired, the person or
    /// the conference deleted), with the reason to show. A client must not reconnect with the same token.
    /// </summary>
    Task SessionEnded(string reason);

    /// <summary>To everyone: the awards ceremony's cue called a recipient (name, country, citation, award).</summary>
    Task AwardeeCalled(AwardeeCall call);

    /// <summary>To hosts and producers: a recipient was marked; the award's tally by country.</summary>
    Task AwardTallyChanged(AwardTallyNotice notice);

    /// <summary>To everyone: the appeals block moved (an appeal started or ended, the queue or the show paused).</summary>
    Task AppealQueueChanged(AppealQueueNotice notice);

    /// <summary>To hosts and producers: the appeal queue was edited (added, replaced, reviewed, reordered, moved, removed).</summary>
    Task AppealsEdited(AppealsEditedNotice notice);
}
