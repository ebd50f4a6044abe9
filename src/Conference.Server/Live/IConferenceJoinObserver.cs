namespace Conference.Server.Live;

/// <summary>
/// Told when a connection joins a conference on the hub, after it joined its groups and before its snapshot is
/// returned: a feature whose pushes are sent only on change (the appeal on air) tells the newcomer what is current.
/// Keep it short and cheap when the feature has nothing to say: every join waits for it.
/// </summary>
public interface IConferenceJoinObserver
{
    Task JoinedAsync(ShowSnapshot snapshot, IConferenceClient caller, CancellationToken cancellationToken);
}
