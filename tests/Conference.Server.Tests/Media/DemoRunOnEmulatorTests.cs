using System.Text.Json.Nodes;
using Conference.Domain.Media;
using Conference.Domain.Show;
using Conference.LiveKit;
using Conference.LiveKit.Emulator;
using Conference.Server.Features.Demo;
using Conference.Server.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Conference.Server.Tests.Media;

/// <summary>
/// The whole demo program (anthem to closing words) run through the director and the LiveKit
/// provider against the LiveKit-protocol emulator: which calls each segment causes, in order.
/// Emulator conformance only.
/// </summary>
public class DemoRunOnEmulatorTests
{
    private static readonly MediaMember[] People =
    [
        new("host", "Nigar", "AZ", IsCrew: true),
        new("chairman", "Fuad Muradov", "AZ", IsCrew: false),
        new("leyla", "Leyla Mammadova", "DE", IsCrew: false),
        new("orhan", "Orhan Aliyev", "TR", IsCrew: false),
        new("samira", "Samira Hasanova", "CA", IsCrew: false),
        new("guest", "Kamran", "DE", IsCrew: false),
    ];

    [Test]
    public async Task DemoProgram_EachSegmentMakesTheRightCallsInOrder()
    {
        await using var emulator = await LiveKitEmulator.StartAsync();
        await using var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLiveKit(o =>
            {
                o.Url = emulator.Url.ToString();
                o.ApiKey = emulator.ApiKey;
                o.ApiSecret = emulator.ApiSecret;
            })
            .AddSingleton<LiveKitMediaProvider>()
            .BuildServiceProvider();
        var show = new ScriptedShow(DemoConference.Build(ScriptedShow.Start.AddDays(-1)), People);
        var director = new MediaDirector(
            services.GetRequiredService<LiveKitMediaProvider>(), show, new MediaStatusReporter(new MediaStatusBoard(), []),
            Options.Create(new MediaOptions { PlayoutMode = PlayoutMode.Ingress, RecordShows = true, RetryAttempts = 1 }),
            TimeProvider.System, NullLogger<MediaDirector>.Instance);

        await director.ReconcileAsync(show.ConferenceId, CancellationToken.None);
        var microphone = new TrackInfo { Type = TrackType.Audio, Source = TrackSource.Microphone };
        foreach (var person in People)
        {
            var tracks = person.Identity is "host" or "chairman" ? new[] { microphone with { Sid = $"TR_{person.Identity}" } } : [];
            emulator.AddParticipant(show.Room, person.Identity, tracks);
        }

        var steps = new List<string>();
        async Task Step(string name)
        {
            emulator.ClearCalls();
            var status = await director.ReconcileAsync(show.ConferenceId, CancellationToken.None);
            Assert.That(status.State, Is.EqualTo(MediaSyncState.InSync), name);
            steps.Add($"{name}: {string.Join(", ", emulator.Calls.Where(c => c.Method is not ("CreateRoom" or "ListParticipants")).Select(Describe))}".TrimEnd(' ', ':'));
        }

        show.Do(r => new StartShow(r), 0);
        await Step("anthem");
        var at = 0.0;
        foreach (var segment in show.Program.Segments.Skip(1))
        {
            at += 1;
            show.Do(r => new NextSegment(r), at);
            await Step(segment.Kind + " " + segment.Title.Split(' ')[0]);
        }

        show.Do(r => new EndShow(r), at + 1);
        await Step("end");

        // Each pass lists the room's ingresses and egresses (what runs is read, never remembered), and the recorder and
        // the playout, present in the room as LiveKit shows them, are never updated or muted.
        Assert.That(steps, Is.EqualTo(new[]
        {
            "anthem: Update host, Mute host, Update chairman, Mute chairman, Update leyla, Update orhan, Update samira, Update guest, "
                + "ListIngress, CreateIngress anthem-azerbaijan.mp4, ListEgress, StartRoomCompositeEgress",
            "MinuteOfSilence Minute: ListIngress, DeleteIngress, ListEgress",
            "VideoScreening The: Update host, ListIngress, CreateIngress year-of-heydar-aliyev-diaspora.mp4, ListEgress",
            "Speech Address: Update chairman, ListIngress, DeleteIngress, ListEgress",
            "Speech Greetings: Update chairman, Update leyla, ListIngress, ListEgress",
            "Speech Greetings: Update leyla, Update orhan, ListIngress, ListEgress",
            "Speech Greetings: Update orhan, Update samira, ListIngress, ListEgress",
            "VideoAppeals Congratulatory: Update samira, ListIngress, ListEgress",
            "MusicalPerformance Mugham:: ListIngress, CreateIngress mugham-performance.mp4, ListEgress",
            "MusicalPerformance New: ListIngress, DeleteIngress, ListEgress",
            "AwardsCeremony Awarding: ListIngress, ListEgress",
            "Custom Closing: ListIngress, ListEgress",
            "end: ListIngress, ListEgress, StopEgress",
        }));
        Assert.That(emulator.Egresses.Single().Status, Is.EqualTo(EgressStatus.Ending), "one recording for the whole show");
        Assert.That(emulator.FindParticipant(show.Room, "chairman")!.Permission!.CanPublish, Is.False);
        Assert.That(emulator.FindParticipant(show.Room, "host")!.Permission!.CanPublish, Is.True);
    }

    private static string Describe(RecordedCall call)
    {
        var body = JsonNode.Parse(call.Body)!.AsObject();
        return call.Method switch
        {
            "UpdateParticipant" => "Update " + (string?)body["identity"],
            "MutePublishedTrack" => "Mute " + (string?)body["identity"],
            "CreateIngress" => "CreateIngress " + ((string?)body["url"])?.Split('/')[^1],
            _ => call.Method,
        };
    }
}
