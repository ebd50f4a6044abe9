using System.Net;
using System.Text.Json.Nodes;

using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Conformance;

/// <summary>
/// Responses written by LiveKit's own <c>@livekit/protocol</c> the way the server writes them (proto field names, every
/// default present: <c>tests/livekit-conformance/fixtures.mjs</c>, produced at test time from the pinned package),
/// parsed by this client. Hand-written bodies test what we think the server sends; these test what its encoder makes.
/// </summary>
public sealed class ProtocolFixtureParsingTests
{
    private static readonly Uri Server = new("http://livekit.test");
    private static JsonNode _fixtures = null!;

    [OneTimeSetUp]
    public static async Task ProduceFixtures() => _fixtures = await NodeScripts.RunAsync("fixtures.mjs", new { });

    private static LiveKitTestHost HostAnswering(string fixture) =>
        new(Server, new ScriptedHandler().Respond(HttpStatusCode.OK, _fixtures[fixture]!.ToJsonString()));

    [Test]
    public async Task ListParticipants_ReadsEveryPermissionFieldAndKind_SoServicesCanBeToldFromPeople()
    {
        using LiveKitTestHost host = HostAnswering("listParticipants");

        IReadOnlyList<ParticipantInfo> participants = await host.Rooms.ListParticipantsAsync("conference-1");

        Assert.That(participants.Select(p => p.Kind), Is.EqualTo(new[] { ParticipantKind.Standard, ParticipantKind.Egress, ParticipantKind.Agent, ParticipantKind.Ingress }));
        ParticipantInfo person = participants[0];
        Assert.Multiple(() =>
        {
            Assert.That(person.Permission, Is.EqualTo(new ParticipantPermission
            {
                CanSubscribe = true,
                CanPublish = true,
                CanPublishData = true,
                CanPublishSources = [TrackSource.Microphone, TrackSource.Camera],
                CanUpdateMetadata = true,
                CanSubscribeMetrics = true,
                CanManageAgentSession = true,
            }));
            Assert.That(person.State, Is.EqualTo(ParticipantState.Active));
            Assert.That(person.JoinedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
            Assert.That(person.Tracks.Single(), Is.EqualTo(new TrackInfo { Sid = "TR_mic", Type = TrackType.Audio, Source = TrackSource.Microphone, MimeType = "audio/opus" }));
            Assert.That(person.Attributes["hand"], Is.EqualTo("up"));
            Assert.That(participants[1].Permission, Is.EqualTo(new ParticipantPermission { CanSubscribe = true, Hidden = true, Recorder = true }));
            Assert.That(participants[2].Permission!.Agent, Is.True);
            Assert.That(participants[3].Tracks.Single().Sid, Is.EqualTo("TR_anthem"));
        });
    }

    [Test]
    public async Task MutePublishedTrack_ReadsTheTrack_OrNoTrackWhenTheServerSendsNone()
    {
        using LiveKitTestHost muted = HostAnswering("muteTrack");
        using LiveKitTestHost gone = HostAnswering("muteGoneTrack");

        Assert.That((await muted.Rooms.MutePublishedTrackAsync("conference-1", "p", "TR_mic", muted: true))!.Muted, Is.True);
        Assert.That(await gone.Rooms.MutePublishedTrackAsync("conference-1", "p", "TR_gone", muted: true), Is.Null);
    }

    [Test]
    public async Task ListEgress_ReadsStatusErrorAndNanosecondInstants()
    {
        using LiveKitTestHost host = HostAnswering("listEgress");

        IReadOnlyList<EgressInfo> egresses = await host.Egress.ListEgressAsync(roomName: "conference-1");

        Assert.That(egresses, Is.EqualTo(new[]
        {
            new EgressInfo { EgressId = "EG_active", RoomName = "conference-1", Status = EgressStatus.Active, StartedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000) },
            new EgressInfo { EgressId = "EG_failed", RoomName = "conference-1", Status = EgressStatus.Failed, Error = "disk full", EndedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_060) },
        }));
    }

    [Test]
    public async Task ListIngress_ReadsNameRoomAndState()
    {
        using LiveKitTestHost host = HostAnswering("listIngress");

        IReadOnlyList<IngressInfo> ingresses = await host.Ingress.ListIngressAsync(roomName: "conference-1");

        Assert.Multiple(() =>
        {
            Assert.That(ingresses.Select(i => (i.IngressId, i.Name, i.RoomName, i.ParticipantIdentity, i.InputType)), Is.EqualTo(new[]
            {
                ("IN_anthem", "segment-00000000000000000000000000000001", "conference-1", "playout", IngressInput.UrlInput),
                ("IN_broken", "segment-00000000000000000000000000000002", "conference-1", "playout", IngressInput.UrlInput),
            }));
            Assert.That(ingresses[0].State, Is.EqualTo(new IngressState { Status = IngressStatus.Publishing, StartedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000) }));
            Assert.That(ingresses[1].State, Is.EqualTo(new IngressState { Status = IngressStatus.Error, Error = "source unreachable" }));
        });
    }

    [Test]
    public async Task CreateRoom_ReadsTheRoom()
    {
        using LiveKitTestHost host = HostAnswering("room");

        Room room = await host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "conference-1" });

        Assert.That(room, Is.EqualTo(new Room
        {
            Sid = "RM_1", Name = "conference-1", EmptyTimeout = 600, DepartureTimeout = 30,
            CreationTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), ActiveRecording = true,
        }));
    }
}
