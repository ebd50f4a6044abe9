using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Conference.Server.Infrastructure;

/// <summary>
/// The service's own traces and metrics (docs/scale-out.md lists them). One source and one meter, named like the
/// assembly; OpenTelemetry picks them up by that name (<see cref="TelemetrySetup"/>). Every node reports its own
/// figures: sum them across nodes.
/// </summary>
public static class ServerTelemetry
{
    public const string Name = "Conference.Server";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly ConcurrentDictionary<Guid, int> Connections = new();

    /// <summary>Show commands (host commands and auto-advances) by command and outcome: committed, conflict or refused.</summary>
    public static readonly Counter<long> ShowCommands = Meter.CreateCounter<long>(
        "conference.show.commands", "{command}", "Show commands by command and outcome");

    /// <summary>From the commit to the broadcast handed over (to this node's connections, or to Redis in a cluster).</summary>
    public static readonly Histogram<double> FanOutDuration = Meter.CreateHistogram<double>(
        "conference.show.fanout.duration", "ms", "Time to hand one show change to every connection (or to the backplane)");

    /// <summary>Media reconciles by outcome (inSync, degraded, failed).</summary>
    public static readonly Counter<long> MediaReconciles = Meter.CreateCounter<long>(
        "conference.media.reconciles", "{reconcile}", "Media reconciles by outcome");

    /// <summary>Appeal videos brought in (uploaded or fetched) by outcome: accepted, or the problem code they were refused with.</summary>
    public static readonly Counter<long> VideoIntakes = Meter.CreateCounter<long>(
        "conference.appeals.intakes", "{video}", "Appeal videos brought in, by outcome");

    /// <summary>Sizes of the appeal videos accepted.</summary>
    public static readonly Histogram<long> VideoIntakeSize = Meter.CreateHistogram<long>(
        "conference.appeals.intake.size", "By", "Size of the appeal videos accepted");

    static ServerTelemetry() =>
        Meter.CreateObservableGauge(
            "conference.live.connections",
            () => Connections.Where(c => c.Value > 0).Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("conference.id", c.Key))),
            "{connection}",
            "Hub connections joined to each conference on this node");

    public static void Joined(Guid conferenceId) => Connections.AddOrUpdate(conferenceId, 1, (_, n) => n + 1);

    public static void Left(Guid conferenceId)
    {
        if (Connections.AddOrUpdate(conferenceId, 0, (_, n) => Math.Max(0, n - 1)) == 0)
        {
            Connections.TryRemove(new KeyValuePair<Guid, int>(conferenceId, 0));
        }
    }

    public static void VideoIntakeChecked(string outcome, long? acceptedBytes)
    {
        VideoIntakes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (acceptedBytes is { } bytes)
        {
            VideoIntakeSize.Record(bytes);
        }
    }

    public static int ConnectionsOf(Guid conferenceId) => Connections.GetValueOrDefault(conferenceId);
}
