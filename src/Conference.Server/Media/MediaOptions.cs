namespace Conference.Server.Media;

public enum PlayoutMode
{
    /// <summary>Clients play the asset themselves, in sync, from the instants in the show state.</summary>
    Client,

    /// <summary>The media server pulls the asset and publishes it into the room (LiveKit ingress).</summary>
    Ingress,
}

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary><c>Simulated</c> (the embedded default) or <c>LiveKit</c>.</summary>
    public string Provider { get; set; } = "Simulated";

    public PlayoutMode PlayoutMode { get; set; } = PlayoutMode.Client;

    /// <summary>Record the call while the show runs (LiveKit egress). Off by default: recordings need storage.</summary>
    public bool RecordShows { get; set; }

    /// <summary>How often live or degraded conferences are reconciled even when nothing changed.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per provider call before a reconcile is reported degraded.</summary>
    public int RetryAttempts { get; set; } = 3;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan JoinTokenLifetime { get; set; } = TimeSpan.FromHours(6);
}
