using System.Net;

using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Twirp;

public sealed class ResponseParsingTests
{
    private static readonly Uri Server = new("http://livekit.test");

    [Test]
    public async Task CreateRoom_WhenResponseIsServerStyle_ParsesSnakeCaseStringInt64AndNulls()
    {
        const string body = """
            { "sid" :  "RM_abc", "name":"conf-1",  "empty_timeout": 300, "departure_timeout":20, "max_participants":50,
              "creation_time":  "1700000000", "creation_time_ms":"1700000000123", "turn_password":"", "enabled_codecs":[],
              "metadata":"{\"t\":1}", "num_participants":2, "num_publishers":1, "active_recording":true, "version":null }
            """;
        using LiveKitTestHost host = new(Server, new ScriptedHandler().Respond(HttpStatusCode.OK, body));

        Room room = await host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "conf-1" });

        Assert.That(room, Is.EqualTo(new Room
        {
            Sid = "RM_abc",
            Name = "conf-1",
            EmptyTimeout = 300,
            DepartureTimeout = 20,
            MaxParticipants = 50,
            CreationTime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            Metadata = """{"t":1}""",
            NumParticipants = 2,
            NumPublishers = 1,
            ActiveRecording = true,
        }));
    }

    [Test]
    public async Task GetParticipant_WhenResponseIsCamelCaseWithNumericEnums_ParsesTheSame()
    {
        const string body = """
            {"sid":"PA_1","identity":"alice","state":2,"joinedAt":1700000000,"isPublisher":true,"kind":4,
             "tracks":[{"sid":"TR_1","type":0,"source":2,"muted":true,"mimeType":"audio/opus"}],
             "permission":{"canSubscribe":true,"canPublishSources":[2,"SCREEN_SHARE"]},"attributes":{"hand":"up"}}
            """;
        using LiveKitTestHost host = new(Server, new ScriptedHandler().Respond(HttpStatusCode.OK, body));

        ParticipantInfo participant = await host.Rooms.GetParticipantAsync("conf-1", "alice");

        Assert.Multiple(() =>
        {
            Assert.That(participant.State, Is.EqualTo(ParticipantState.Active));
            Assert.That(participant.Kind, Is.EqualTo(ParticipantKind.Agent));
            Assert.That(participant.JoinedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
            Assert.That(participant.Tracks.Single(), Is.EqualTo(new TrackInfo
            {
                Sid = "TR_1",
                Type = TrackType.Audio,
                Source = TrackSource.Microphone,
                Muted = true,
                MimeType = "audio/opus",
            }));
            Assert.That(participant.Permission!.CanPublishSources, Is.EqualTo(new[] { TrackSource.Microphone, TrackSource.ScreenShare }));
            Assert.That(participant.Attributes["hand"], Is.EqualTo("up"));
        });
    }

    [Test]
    public async Task ListParticipants_WhenPermissionIsNullAndEnumsAreNames_Parses()
    {
        const string body = """{"participants":[{"identity":"bob","state":"JOINED","kind":"INGRESS","permission":null,"tracks":[{"type":"VIDEO","source":"SCREEN_SHARE_AUDIO"}]}]}""";
        using LiveKitTestHost host = new(Server, new ScriptedHandler().Respond(HttpStatusCode.OK, body));

        ParticipantInfo bob = (await host.Rooms.ListParticipantsAsync("conf-1")).Single();

        Assert.Multiple(() =>
        {
            Assert.That(bob.State, Is.EqualTo(ParticipantState.Joined));
            Assert.That(bob.Kind, Is.EqualTo(ParticipantKind.Ingress));
            Assert.That(bob.Permission, Is.Null);
            Assert.That(bob.Tracks.Single().Type, Is.EqualTo(TrackType.Video));
            Assert.That(bob.Tracks.Single().Source, Is.EqualTo(TrackSource.ScreenShareAudio));
        });
    }

    [Test]
    public async Task EgressAndIngress_WhenStatusHasProtoPrefix_ParseToEnums()
    {
        ScriptedHandler transport = new ScriptedHandler()
            .Respond(HttpStatusCode.OK, """{"egress_id":"EG_1","room_name":"conf-1","status":"EGRESS_ACTIVE","started_at":"1700000000000000000"}""")
            .Respond(HttpStatusCode.OK, """{"items":[{"ingress_id":"IN_1","input_type":"URL_INPUT","state":{"status":"ENDPOINT_PUBLISHING"}}],"next_page_token":null}""");
        using LiveKitTestHost host = new(Server, transport);

        EgressInfo egress = await host.Egress.StopEgressAsync("EG_1");
        IngressInfo ingress = (await host.Ingress.ListIngressAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(egress.Status, Is.EqualTo(EgressStatus.Active));
            Assert.That(egress.StartedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
            Assert.That(ingress.InputType, Is.EqualTo(IngressInput.UrlInput));
            Assert.That(ingress.State!.Status, Is.EqualTo(IngressStatus.Publishing));
        });
    }

    [Test]
    [TestCase("""{"track":null}""")]
    [TestCase("{}")]
    public async Task MutePublishedTrack_WhenTheServerSendsNoTrack_ReturnsNull_NeverAnInventedTrack(string body)
    {
        using LiveKitTestHost host = new(Server, new ScriptedHandler().Respond(HttpStatusCode.OK, body));

        TrackInfo? track = await host.Rooms.MutePublishedTrackAsync("conf-1", "alice", "TR_1", muted: true);

        Assert.That(track, Is.Null, "a real server answers this way when the track is gone: nothing was muted");
    }
}
