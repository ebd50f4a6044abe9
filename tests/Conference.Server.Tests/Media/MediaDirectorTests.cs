using Conference.Domain.Media;
using Conference.Domain.Show;
using Conference.Server.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Conference.Server.Tests.Media;

public class MediaDirectorTests
{
    private static readonly MediaMember Host = new("host", "Nigar", "AZ", IsCrew: true);
    private static readonly MediaMember Chairman = new("chairman", "Fuad Muradov", "AZ", IsCrew: false);
    private static readonly MediaMember Guest = new("guest", "Kamran", "DE", IsCrew: false);

    private FakeTimeProvider _clock = null!;
    private SimulatedMediaProvider _media = null!;
    private FlakyProvider _provider = null!;
    private ScriptedShow _show = null!;
    private RecordingSink _sink = null!;
    private MediaStatusBoard _board = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = new FakeTimeProvider(ScriptedShow.Start);
        _media = new SimulatedMediaProvider(_clock);
        _provider = new FlakyProvider(_media);
        _show = new ScriptedShow(Host, Chairman, Guest);
        _sink = new RecordingSink();
        _board = new MediaStatusBoard();
        await _media.EnsureRoomAsync(_show.Room, CancellationToken.None);
        _media.Join(_show.Room, Host, PublishRights.Everything, MediaTrackSource.Camera, MediaTrackSource.Microphone);
        _media.Join(_show.Room, Chairman, PublishRights.Everything, MediaTrackSource.Microphone);
        _media.Join(_show.Room, Guest, PublishRights.DataOnly);
    }

    private MediaDirector Director(PlayoutMode playout = PlayoutMode.Client, bool record = false) => new(
        _provider, _show, new MediaStatusReporter(_board, [_sink]),
        Options.Create(new MediaOptions { PlayoutMode = playout, RecordShows = record, RetryAttempts = 3, RetryDelay = TimeSpan.Zero }),
        _clock, NullLogger<MediaDirector>.Instance);

    private async Task<MediaParticipant> Participant(string identity) =>
        (await _media.ListParticipantsAsync(_show.Room, CancellationToken.None)).Single(p => p.Identity == identity);

    [Test]
    public async Task Anthem_MutesAndLocksEveryone_ThenTheSilenceKeepsItSo_ThenTheRoomOpens()
    {
        var director = Director();
        _show.Do(r => new StartShow(r), 0);
        var status = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(MediaSyncState.InSync));
        foreach (var identity in new[] { "host", "chairman", "guest" })
        {
            var participant = await Participant(identity);
            Assert.That(participant.Rights, Is.EqualTo(PublishRights.DataOnly), identity);
            Assert.That(participant.Tracks.Where(t => t.Source == MediaTrackSource.Microphone && !t.Muted), Is.Empty, identity);
        }

        _show.Do(r => new NextSegment(r), 120);
        _show.Do(r => new NextSegment(r), 180);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That((await Participant("host")).Rights, Is.EqualTo(PublishRights.Everything));
        Assert.That((await Participant("guest")).Rights, Is.EqualTo(PublishRights.DataOnly));
    }

    [Test]
    public async Task Speech_GivesTheSpeakerTheFloor_AndAReconcileInSyncMakesNoWrites()
    {
        var director = Director();
        _show.Do(r => new StartShow(r), 0);
        _show.Do(r => new GoToSegment(r, _show.Program.Segments[2].Id), 10);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That((await Participant("chairman")).Rights, Is.EqualTo(PublishRights.Everything));

        _provider.Calls.Clear();
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(_provider.Calls, Is.EqualTo(new[] { "EnsureRoomAsync", "ListParticipantsAsync" }));
    }

    [Test]
    public async Task IngressMode_StartsThePlayoutOfTheSegmentAndStopsItWhenTheSegmentEnds()
    {
        var director = Director(PlayoutMode.Ingress);
        _show.Do(r => new StartShow(r), 0);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(_media.PlayoutsIn(_show.Room).Single().Url.ToString(), Is.EqualTo("https://media.example.org/anthem.mp4"));

        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(_provider.Calls.Count(c => c == "StartPlayoutAsync"), Is.EqualTo(1));

        _show.Do(r => new NextSegment(r), 120);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(_media.PlayoutsIn(_show.Room), Is.Empty);
    }

    [Test]
    public async Task Recording_RunsWhileTheShowRuns_WhenEnabled()
    {
        var director = Director(record: true);
        _show.Do(r => new StartShow(r), 0);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(_media.RecordingsIn(_show.Room), Is.EqualTo(1));

        _show.Do(r => new EndShow(r), 60);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(_media.RecordingsIn(_show.Room), Is.Zero);
    }

    [Test]
    public async Task TransientFailures_AreRetried_AndTheReconcileSucceeds()
    {
        var director = Director();
        _show.Do(r => new StartShow(r), 0);
        _provider.FailNext = 2;

        var status = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(status.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(_provider.Calls.Take(3), Is.EqualTo(new[] { "EnsureRoomAsync", "EnsureRoomAsync", "EnsureRoomAsync" }));
    }

    [Test]
    public async Task ProviderDown_IsReportedDegradedToHosts_ThenConvergesWhenItRecovers()
    {
        var director = Director();
        _show.Do(r => new StartShow(r), 0);
        _provider.Down = true;

        var degraded = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(degraded.State, Is.EqualTo(MediaSyncState.Degraded));
        Assert.That(degraded.Error, Does.Contain("unavailable"));
        Assert.That(_board.NeedingAttention, Does.Contain(_show.ConferenceId));
        Assert.That((await Participant("host")).Rights, Is.EqualTo(PublishRights.Everything), "nothing was applied while down");

        _provider.Down = false;
        var recovered = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(recovered.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That((await Participant("host")).Rights, Is.EqualTo(PublishRights.DataOnly));
        Assert.That(_sink.Published.Select(s => s.State), Is.EqualTo(new[] { MediaSyncState.Degraded, MediaSyncState.InSync }));
    }

    [Test]
    public async Task ReconcileLoop_RevisitsADegradedConferenceOnItsInterval_UntilItConverges()
    {
        var options = Options.Create(new MediaOptions { ReconcileInterval = TimeSpan.FromSeconds(10), RetryAttempts = 1, RetryDelay = TimeSpan.Zero });
        var director = new MediaDirector(_provider, _show, new MediaStatusReporter(_board, [_sink]), options, _clock, NullLogger<MediaDirector>.Instance);
        using var loop = new MediaReconcileLoop(
            director, new MediaReconcileRequests(), _board, new Conference.Server.Cluster.ClusterMembership("test", isCluster: false), options, _clock,
            NullLogger<MediaReconcileLoop>.Instance);
        _show.Do(r => new StartShow(r), 0);
        _provider.Down = true;
        await loop.StartAsync(CancellationToken.None);

        loop.Nudge(_show.ConferenceId);
        await Eventually.Until(() => _board.Get(_show.ConferenceId)?.State == MediaSyncState.Degraded);

        _provider.Down = false;
        _clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.Until(() => _board.Get(_show.ConferenceId)?.State == MediaSyncState.InSync);
        Assert.That((await Participant("chairman")).Rights, Is.EqualTo(PublishRights.DataOnly));
        await loop.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task Reconciles_OfOneConference_RunOneAtATime()
    {
        var director = Director();
        _show.Do(r => new StartShow(r), 0);
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _provider.HoldListing = slow.Task;

        var first = director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        await Eventually.Until(() => _provider.Calls.Contains("ListParticipantsAsync"));
        var second = director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(_provider.Calls.Count(c => c == "EnsureRoomAsync"), Is.EqualTo(1), "the second pass waits for the first");
        Assert.That(second.IsCompleted, Is.False);

        _provider.HoldListing = null;
        slow.SetResult();
        await Task.WhenAll(first, second);
        Assert.That(_provider.Calls.Count(c => c == "EnsureRoomAsync"), Is.EqualTo(2));
        Assert.That((await second).State, Is.EqualTo(MediaSyncState.InSync));
    }

    [Test]
    public async Task RecordingStartWhoseAnswerWasLost_IsAdoptedNextPass_NeverDoubled()
    {
        var director = Director(record: true);
        _show.Do(r => new StartShow(r), 0);
        _provider.LoseStartAnswers = true;

        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        await Director(record: true).ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(_media.RecordingsIn(_show.Room), Is.EqualTo(1));
    }

    [Test]
    public async Task FailedRecording_IsRestartedAndReported_ThenStoppedAtTheEnd()
    {
        var director = Director(record: true);
        _show.Do(r => new StartShow(r), 0);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        var first = _media.RecordingIdsIn(_show.Room).Single();

        _media.FailRecording(_show.Room, first, "recorder lost");
        var status = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(_media.RecordingIdsIn(_show.Room).Single(), Is.Not.EqualTo(first));
        Assert.That(_sink.Published.Select(s => (s.State, s.Error ?? "")), Has.Some.EqualTo((MediaSyncState.Degraded, "Recording failed: recorder lost; starting it again")));

        _show.Do(r => new EndShow(r), 60);
        Assert.That((await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None)).State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(_media.RecordingsIn(_show.Room), Is.Zero);
    }

    [Test]
    public async Task FailedPlayout_IsReplaced()
    {
        var director = Director(PlayoutMode.Ingress);
        _show.Do(r => new StartShow(r), 0);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        var first = _media.PlayoutIdsIn(_show.Room).Single();

        _media.FailPlayout(_show.Room, first, "source unreachable");
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(_media.PlayoutIdsIn(_show.Room).Single(), Is.Not.EqualTo(first));
        Assert.That(_media.PlayoutsIn(_show.Room).Single().SegmentId, Is.EqualTo(_show.Program.Segments[0].Id));
    }

    [Test]
    public async Task JoinTicket_CarriesTheRightsOfThisMoment()
    {
        var director = Director();
        _show.Do(r => new StartShow(r), 0);
        _show.Do(r => new GoToSegment(r, _show.Program.Segments[2].Id), 10);
        var ticket = await director.IssueJoinTicketAsync(_show.ConferenceId, Chairman, CancellationToken.None);

        Assert.That(ticket.Room, Is.EqualTo(_show.Room));
        Assert.That(ticket.ExpiresAt, Is.EqualTo(_clock.GetUtcNow() + TimeSpan.FromHours(6)));
        Assert.That(ticket.Token, Has.Length.EqualTo(32));
    }
}
