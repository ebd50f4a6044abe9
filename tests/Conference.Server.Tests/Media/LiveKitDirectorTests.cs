using Conference.Domain.Media;
using Conference.Domain.Show;
using Conference.LiveKit;
using Conference.LiveKit.Emulator;
using Conference.Server.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conference.Server.Tests.Media;

/// <summary>
/// The director steering the LiveKit provider against the LiveKit-protocol emulator on loopback:
/// emulator conformance of the whole chain (director → provider → Conference.LiveKit → Twirp),
/// not a claim of compatibility with a real LiveKit server.
/// </summary>
public class LiveKitDirectorTests
{
    private static readonly MediaMember Host = new("host", "Nigar", "AZ", IsCrew: true);
    private static readonly MediaMember Chairman = new("chairman", "Fuad Muradov", "AZ", IsCrew: false);
    private static readonly MediaMember Guest = new("guest", "Kamran", "DE", IsCrew: false);

    private LiveKitEmulator _emulator = null!;
    private ServiceProvider _services = null!;
    private ScriptedShow _show = null!;
    private MediaStatusBoard _board = null!;
    private MediaDirector _director = null!;

    [SetUp]
    public async Task SetUp()
    {
        _emulator = await LiveKitEmulator.StartAsync();
        _services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLiveKit(o =>
            {
                o.Url = _emulator.Url.ToString();
                o.ApiKey = _emulator.ApiKey;
                o.ApiSecret = _emulator.ApiSecret;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                o.CircuitBreakerMinimumThroughput = 1000;
            })
            .AddSingleton<LiveKitMediaProvider>()
            .BuildServiceProvider();
        _show = new ScriptedShow(Host, Chairman, Guest);
        _board = new MediaStatusBoard();
        _director = new MediaDirector(
            _services.GetRequiredService<LiveKitMediaProvider>(), _show, new MediaStatusReporter(_board, []),
            Options.Create(new MediaOptions { PlayoutMode = PlayoutMode.Ingress, RecordShows = true, RetryAttempts = 1 }),
            TimeProvider.System, NullLogger<MediaDirector>.Instance);

        await _director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        var microphone = new TrackInfo { Sid = "TR_mic", Type = TrackType.Audio, Source = TrackSource.Microphone };
        _emulator.AddParticipant(_show.Room, "host", microphone with { Sid = "TR_host_mic" });
        _emulator.AddParticipant(_show.Room, "chairman", microphone with { Sid = "TR_chair_mic" });
        _emulator.AddParticipant(_show.Room, "guest");
        _emulator.ClearCalls();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private List<string> TakeCalls()
    {
        var calls = _emulator.Calls.Select(c => c.Method).ToList();
        _emulator.ClearCalls();
        return calls;
    }

    [Test]
    public async Task DemoRun_MakesTheRightCallsInTheRightOrder()
    {
        _show.Do(r => new StartShow(r), 0);
        await _director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(TakeCalls(), Is.EqualTo(new[]
        {
            "CreateRoom", "ListParticipants",
            "UpdateParticipant", "MutePublishedTrack", "UpdateParticipant", "MutePublishedTrack", "UpdateParticipant",
            "ListIngress", "CreateIngress", "ListEgress", "StartRoomCompositeEgress",
            "ListParticipants",
        }), "the call is read back after changes, for the hosts' media status");
        Assert.That(_emulator.FindParticipant(_show.Room, "host")!.Permission!.CanPublish, Is.False);
        Assert.That(_emulator.FindParticipant(_show.Room, "chairman")!.Tracks, Is.Empty, "revoking publish unpublishes, as on LiveKit");
        Assert.That(_emulator.Ingresses.Single().Url, Is.EqualTo("https://media.example.org/anthem.mp4"));

        _show.Do(r => new NextSegment(r), 120);
        await _director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(TakeCalls(), Is.EqualTo(new[] { "CreateRoom", "ListParticipants", "ListIngress", "DeleteIngress", "ListEgress" }),
            "silence: still locked, the anthem stops");

        _show.Do(r => new NextSegment(r), 180);
        var speech = await _director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(TakeCalls(), Is.EqualTo(new[] { "CreateRoom", "ListParticipants", "UpdateParticipant", "UpdateParticipant", "ListIngress", "ListEgress", "ListParticipants" }),
            "speech: host and speaker get the floor");
        Assert.That(speech.Expected!.AudienceMuted, Is.False);
        Assert.That(speech.Actual!.OnStage, Has.Count.EqualTo(1).And.EqualTo(speech.Expected.OnStage), "hosts see the speaker should have the floor, and has it");
        Assert.That(_emulator.FindParticipant(_show.Room, "chairman")!.Permission!.CanPublish, Is.True);
        Assert.That(_emulator.FindParticipant(_show.Room, "guest")!.Permission!.CanPublish, Is.False);

        _show.Do(r => new EndShow(r), 600);
        await _director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(
            TakeCalls(),
            Is.EqualTo(new[] { "CreateRoom", "ListParticipants", "UpdateParticipant", "ListIngress", "ListEgress", "StopEgress", "ListParticipants" }),
            "after the show: the speaker steps down, recording stops");
    }

    [Test]
    public async Task EmulatorFailing_TheShowGoesOn_AndMediaConvergesWhenItRecovers()
    {
        _emulator.Faults.FailNext(1000);
        _show.Do(r => new StartShow(r), 0);
        var degraded = await _director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(degraded.State, Is.EqualTo(MediaSyncState.Degraded));
        Assert.That(degraded.Error, Does.Contain("unavailable"));

        _show.Do(r => new NextSegment(r), 120);
        _show.Do(r => new NextSegment(r), 180);
        Assert.That(_show.State.CurrentSegmentId, Is.EqualTo(_show.Program.Segments[2].Id), "the show moved on regardless");

        _emulator.Faults.Reset();
        var recovered = await _director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(recovered.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(_emulator.FindParticipant(_show.Room, "chairman")!.Permission!.CanPublish, Is.True);
        Assert.That(_emulator.FindParticipant(_show.Room, "guest")!.Permission!.CanPublish, Is.False);
        Assert.That(_emulator.Ingresses, Is.Empty, "no playout for a speech");
    }

    [Test]
    public async Task JoinTicket_IsALiveKitTokenWithTheRightsOfThisMoment()
    {
        _show.Do(r => new StartShow(r), 0);
        var ticket = await _director.IssueJoinTicketAsync(_show.ConferenceId, Guest, CancellationToken.None);
        var claims = new TokenVerifier(_emulator.ApiKey, _emulator.ApiSecret).Verify(ticket.Token);

        Assert.That(ticket.Url, Does.StartWith("ws://127.0.0.1"));
        Assert.That(claims.Video!.Room, Is.EqualTo(_show.Room));
        Assert.That(claims.Video.CanPublish, Is.False);
        Assert.That(claims.Video.CanSubscribe, Is.True);
        Assert.That(claims.Video.CanPublishData, Is.True);
    }
}
