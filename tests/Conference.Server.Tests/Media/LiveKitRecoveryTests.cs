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
/// What goes wrong on a real LiveKit server and must not hurt the show, against the LiveKit-protocol emulator: a
/// restart of this service, a start whose answer was lost, services in the room (the hidden recorder, the playout),
/// an egress or ingress failing mid-show, an egress that already ended, a participant the server refuses to update.
/// Emulator conformance, not proof against a real server (see docs/media.md).
/// </summary>
public class LiveKitRecoveryTests
{
    private static readonly MediaMember Host = new("host", "Nigar", "AZ", IsCrew: true);
    private static readonly MediaMember Chairman = new("chairman", "Fuad Muradov", "AZ", IsCrew: false);
    private static readonly MediaMember Guest = new("guest", "Kamran", "DE", IsCrew: false);
    private static readonly TrackInfo Microphone = new() { Type = TrackType.Audio, Source = TrackSource.Microphone };

    private LiveKitEmulator _emulator = null!;
    private ServiceProvider _services = null!;
    private ScriptedShow _show = null!;
    private FlakyProvider _provider = null!;
    private MediaStatusBoard _board = null!;
    private RecordingSink _sink = null!;

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
        _provider = new FlakyProvider(_services.GetRequiredService<LiveKitMediaProvider>());
        _show = new ScriptedShow(Host, Chairman, Guest);
        _board = new MediaStatusBoard();
        _sink = new RecordingSink();
        await NewDirector().ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        _emulator.AddParticipant(_show.Room, "host", Microphone with { Sid = "TR_host_mic" });
        _emulator.AddParticipant(_show.Room, "chairman", Microphone with { Sid = "TR_chair_mic" });
        _emulator.AddParticipant(_show.Room, "guest");
    }

    [TearDown]
    public async Task TearDown()
    {
        await _services.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    /// <summary>A director as a freshly started service has it: it knows nothing of what runs.</summary>
    private MediaDirector NewDirector(int attempts = 1) => new(
        _provider, _show, new MediaStatusReporter(_board, [_sink]),
        Options.Create(new MediaOptions { PlayoutMode = PlayoutMode.Ingress, RecordShows = true, RetryAttempts = attempts, RetryDelay = TimeSpan.Zero }),
        TimeProvider.System, NullLogger<MediaDirector>.Instance);

    private IReadOnlyList<EgressInfo> RunningEgresses =>
        [.. _emulator.Egresses.Where(e => e.Status is EgressStatus.Starting or EgressStatus.Active)];

    [Test]
    public async Task Restart_WithRecordShows_AdoptsTheRunningEgressAndIngress_StartsNoSecond()
    {
        _show.Do(r => new StartShow(r), 0);
        await NewDirector().ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(RunningEgresses, Has.Count.EqualTo(1));
        Assert.That(_emulator.Ingresses, Has.Count.EqualTo(1));

        _emulator.ClearCalls();
        var afterRestart = await NewDirector().ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(afterRestart.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(_emulator.Calls.Select(c => c.Method), Has.None.AnyOf("StartRoomCompositeEgress", "CreateIngress", "DeleteIngress", "StopEgress"));
        Assert.That(RunningEgresses, Has.Count.EqualTo(1), "one recording, whoever started it");
        Assert.That(_emulator.Ingresses, Has.Count.EqualTo(1), "the anthem plays once");
        Assert.That(afterRestart.Actual!.PlayingSegmentId, Is.EqualTo(_show.Program.Segments[0].Id), "the adopted playout is what plays");

        _show.Do(r => new EndShow(r), 60);
        await NewDirector().ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(RunningEgresses, Is.Empty, "a restarted service still stops the recording it did not start");
        Assert.That(_emulator.Ingresses, Is.Empty);
    }

    [Test]
    public async Task StartWhoseAnswerWasLost_IsAdoptedByTheRetry_NotStartedTwice()
    {
        _show.Do(r => new StartShow(r), 0);
        _provider.LoseStartAnswers = true;

        var status = await NewDirector(attempts: 2).ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(_emulator.Ingresses, Has.Count.EqualTo(1), "the playout whose answer was lost is found by the retry's listing");
        Assert.That(_provider.Calls.Count(c => c == nameof(IMediaProvider.StartPlayoutAsync)), Is.EqualTo(1));
    }

    [Test]
    public async Task StartWhoseAnswerWasLost_WithoutRetries_IsAdoptedByTheNextPass()
    {
        _show.Do(r => new StartShow(r), 0);
        _provider.LoseStartAnswers = true;
        var director = NewDirector();

        var first = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        var second = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(first.State, Is.EqualTo(MediaSyncState.Degraded), "the outcome was unknown");
        Assert.That(second.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(_emulator.Ingresses, Has.Count.EqualTo(1));
        Assert.That(RunningEgresses, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Recorder_AndPlayout_StayAsLiveKitMadeThem_ThroughTheWholeShow()
    {
        var director = NewDirector();
        _show.Do(r => new StartShow(r), 0);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        var recorder = _emulator.ParticipantsOf(_show.Room).Single(p => p.Kind == ParticipantKind.Egress);
        var playout = _emulator.ParticipantsOf(_show.Room).Single(p => p.Kind == ParticipantKind.Ingress);

        _show.Do(r => new NextSegment(r), 120);
        _show.Do(r => new NextSegment(r), 180);
        var speech = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        var updated = _emulator.Calls.Where(c => c.Method is "UpdateParticipant" or "MutePublishedTrack").Select(c => c.Body).ToList();
        Assert.That(updated, Has.None.Contains(recorder.Identity), "the recorder is never updated");
        Assert.That(_emulator.FindParticipant(_show.Room, recorder.Identity)!.Permission,
            Is.EqualTo(new ParticipantPermission { CanSubscribe = true, Hidden = true, Recorder = true }), "still hidden, still a recorder");
        Assert.That(speech.Actual!.OnStage, Is.EqualTo(new[] { "Fuad Muradov" }), "services are not people on stage");
        Assert.That(updated, Has.None.Contains($"\"identity\":\"{playout.Identity}\""), "the playout's microphone is the anthem: never muted");
    }

    [Test]
    public async Task UpdateOfAPerson_CarriesEveryPermissionField_SoNothingTheShowDoesNotSteerIsCleared()
    {
        _emulator.AddParticipant(
            _show.Room, "moderator", new ParticipantPermission { CanSubscribe = true, CanPublish = true, CanUpdateMetadata = true, CanSubscribeMetrics = true },
            ParticipantKind.Standard);
        _show.Do(r => new StartShow(r), 0);

        await NewDirector().ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(_emulator.FindParticipant(_show.Room, "moderator")!.Permission, Is.EqualTo(new ParticipantPermission
        {
            CanSubscribe = true, CanPublish = false, CanPublishData = true, CanUpdateMetadata = true, CanSubscribeMetrics = true,
        }));
    }

    [Test]
    public async Task EgressFailingMidShow_IsReportedAndRestarted_AndTheConferenceEndsInSync()
    {
        var director = NewDirector();
        _show.Do(r => new StartShow(r), 0);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        var first = RunningEgresses.Single();

        _emulator.FailEgress(first.EgressId, "storage refused the upload");
        var status = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(MediaSyncState.InSync), "restarted, so in sync again");
        Assert.That(RunningEgresses.Single().EgressId, Is.Not.EqualTo(first.EgressId));
        Assert.That(_sink.Published.Select(s => s.Error ?? ""), Has.Some.Contains("storage refused the upload"), "hosts and the report learn of the failure");

        var again = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(again.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(_sink.Published.Count(s => s.Error?.Contains("storage refused", StringComparison.Ordinal) == true), Is.EqualTo(1), "reported once");

        _show.Do(r => new EndShow(r), 60);
        var ended = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        Assert.That(ended.State, Is.EqualTo(MediaSyncState.InSync), "the failed egress does not keep the conference degraded");
        Assert.That(RunningEgresses, Is.Empty);
    }

    [Test]
    public async Task IngressFailingMidSegment_IsReplacedByANewOne()
    {
        var director = NewDirector();
        _show.Do(r => new StartShow(r), 0);
        await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        var first = _emulator.Ingresses.Single();

        _emulator.FailIngress(first.IngressId, "could not fetch the source");
        var status = await director.ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(MediaSyncState.InSync));
        var replacement = _emulator.Ingresses.Single();
        Assert.That(replacement.IngressId, Is.Not.EqualTo(first.IngressId), "the failed one is deleted, a new one plays");
        Assert.That(replacement.State!.Status, Is.EqualTo(IngressStatus.Publishing));
        Assert.That(_sink.Published.Select(s => s.Error ?? ""), Has.Some.Contains("could not fetch the source"));
    }

    [Test]
    public async Task StoppingAnEgressThatAlreadyEnded_IsDone_NotAFailure()
    {
        _show.Do(r => new StartShow(r), 0);
        await NewDirector().ReconcileAsync(_show.ConferenceId, CancellationToken.None);
        var egress = RunningEgresses.Single();
        _emulator.FailEgress(egress.EgressId, "recorder crashed");
        _emulator.ClearCalls();

        var provider = _services.GetRequiredService<LiveKitMediaProvider>();
        await provider.StopRecordingAsync(_show.Room, egress.EgressId, CancellationToken.None);
        await provider.StopPlayoutAsync(_show.Room, "IN_gone", CancellationToken.None);
        await provider.MuteTrackAsync(_show.Room, "host", "TR_gone", CancellationToken.None);

        Assert.That(
            _emulator.Calls.Where(c => c.Method is "StopEgress" or "DeleteIngress" or "MutePublishedTrack").Select(c => (int)c.Status),
            Is.EqualTo(new[] { 412, 404, 200 }),
            "failed_precondition, not_found and a 200 without a track: each means there is nothing left to do");
    }

    [Test]
    public async Task AParticipantTheServerRefuses_DoesNotHoldUpTheOthers()
    {
        _provider.Refusing.Add("host");
        _show.Do(r => new StartShow(r), 0);

        var status = await NewDirector().ReconcileAsync(_show.ConferenceId, CancellationToken.None);

        Assert.That(status.State, Is.EqualTo(MediaSyncState.Degraded));
        Assert.That(status.Error, Does.Contain("host").And.Contain("refused"));
        Assert.That(_emulator.FindParticipant(_show.Room, "chairman")!.Permission!.CanPublish, Is.False, "the others are locked all the same");
        Assert.That(_emulator.FindParticipant(_show.Room, "guest")!.Permission!.CanPublish, Is.False);
        Assert.That(RunningEgresses, Has.Count.EqualTo(1), "and the recording started");
    }

    [Test]
    public async Task ParticipantLeavingBetweenListAndUpdate_IsNotAnError()
    {
        _show.Do(r => new StartShow(r), 0);
        var provider = _services.GetRequiredService<LiveKitMediaProvider>();
        var guest = (await provider.ListParticipantsAsync(_show.Room, CancellationToken.None)).Single(p => p.Identity == "guest");
        await _services.GetRequiredService<RoomServiceClient>().RemoveParticipantAsync(_show.Room, "guest");

        Assert.That(async () => await provider.SetRightsAsync(_show.Room, guest, PublishRights.DataOnly, CancellationToken.None), Throws.Nothing);
    }

    [Test]
    public void ServerErrors_AreTransientForTheDirector_ClientErrorsAreNot()
    {
        Assert.That(LiveKitMediaProvider.IsTransient(new LiveKitException(TwirpErrorCodes.Unavailable, "down", System.Net.HttpStatusCode.ServiceUnavailable)), Is.True);
        Assert.That(LiveKitMediaProvider.IsTransient(new LiveKitException(TwirpErrorCodes.Unknown, "no answer", null)), Is.True);
        Assert.That(LiveKitMediaProvider.IsTransient(new LiveKitException(TwirpErrorCodes.ResourceExhausted, "slow down", (System.Net.HttpStatusCode)429)), Is.True);
        Assert.That(LiveKitMediaProvider.IsTransient(new LiveKitException(TwirpErrorCodes.InvalidArgument, "bad", System.Net.HttpStatusCode.BadRequest)), Is.False);
        Assert.That(LiveKitMediaProvider.IsTransient(new LiveKitException(TwirpErrorCodes.Unauthenticated, "no", System.Net.HttpStatusCode.Unauthorized)), Is.False);
    }
}
