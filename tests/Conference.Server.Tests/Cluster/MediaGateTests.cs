using Conference.Domain.Media;
using Conference.Domain.Show;
using Conference.Server.Cluster;
using Conference.Server.Media;
using Conference.Server.Tests.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conference.Server.Tests.Cluster;

/// <summary>In a cluster the media director steers a conference's call only on the node holding its lease.</summary>
public class MediaGateTests
{
    [Test]
    public async Task Nudge_WithoutTheLease_DoesNothing_WithTheLease_Reconciles()
    {
        var clock = new FakeTimeProvider(ScriptedShow.Start);
        var media = new SimulatedMediaProvider(clock);
        var provider = new FlakyProvider(media);
        var show = new ScriptedShow(new MediaMember("chairman", "Fuad Muradov", "AZ", IsCrew: false));
        var board = new MediaStatusBoard();
        var options = Options.Create(new MediaOptions { ReconcileInterval = TimeSpan.FromHours(1), RetryAttempts = 1, RetryDelay = TimeSpan.Zero });
        var director = new MediaDirector(provider, show, new MediaStatusReporter(board, []), options, clock, NullLogger<MediaDirector>.Instance);
        var membership = new ClusterMembership("node-a", isCluster: true);
        using var loop = new MediaReconcileLoop(director, new MediaReconcileRequests(), board, membership, options, clock, NullLogger<MediaReconcileLoop>.Instance);
        show.Do(r => new StartShow(r), 0);
        await loop.StartAsync(CancellationToken.None);

        // Nudges run one at a time in order: once the held conference is reconciled, the other's nudge would have been too.
        loop.Nudge(show.ConferenceId);
        var held = Guid.NewGuid();
        membership.Take(held);
        loop.Nudge(held);
        await Eventually.Until(() => board.Get(held) is not null);
        Assert.That(board.Get(show.ConferenceId), Is.Null, "another node holds this conference's lease");
        Assert.That(provider.Calls, Is.Empty);

        membership.Take(show.ConferenceId);
        loop.Nudge(show.ConferenceId);
        await Eventually.Until(() => board.Get(show.ConferenceId)?.State == MediaSyncState.InSync);
        Assert.That(provider.Calls, Is.Not.Empty);
        await loop.StopAsync(CancellationToken.None);
    }
}
