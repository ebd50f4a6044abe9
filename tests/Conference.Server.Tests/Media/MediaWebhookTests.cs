using System.Net;
using System.Text;
using Conference.LiveKit;
using Conference.Server.Features.Attendance;
using Conference.Server.Features.Media;
using Conference.Server.Media;

namespace Conference.Server.Tests.Media;

/// <summary>
/// LiveKit webhooks into the running server: verified, then fed to attendance. Forged or tampered ones get 401;
/// correctly signed ones that are not LiveKit events (not JSON, values out of range) get 400.
/// </summary>
public class MediaWebhookTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string ApiKey = "webhook-test-key";
    private const string ApiSecret = "webhook-test-secret-long-enough-for-hs256";

    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Media:Provider"] = "LiveKit",
        ["LiveKit:Url"] = "http://127.0.0.1:9",
        ["LiveKit:ApiKey"] = ApiKey,
        ["LiveKit:ApiSecret"] = ApiSecret,
    };

    private static string ParticipantEvent(string name, Guid conferenceId, Guid participantId, string sid) =>
        $$"""{"event":"{{name}}","room":{"name":"{{MediaRooms.For(conferenceId)}}"},"participant":"""
        + $$"""{"sid":"{{sid}}","identity":"{{participantId}}","name":"Guest"},"id":"EV_{{name}}_{{sid}}","createdAt":"1798000000"}""";

    private Task<HttpResponseMessage> Post(string body, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MediaEndpoints.LiveKitWebhookPath)
        {
            Content = new StringContent(body, Encoding.UTF8, WebhookReceiver.ContentType),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return Anonymous.SendAsync(request);
    }

    // Signed on the host's (fake) clock, as LiveKit's clock and ours agree within the leeway in production.
    private string Sign(string body) => new WebhookSigner(ApiKey, ApiSecret, Host.Clock).Sign(body);

    [Test]
    public async Task ParticipantJoinedAndLeft_FeedAttendance()
    {
        var conference = await CreateConferenceAsync();
        var guest = await AddParticipantAsync(conference.Id, "Kamran", "DE", "attendee");

        var joined = ParticipantEvent(WebhookEventNames.ParticipantJoined, conference.Id, guest.Id, "PA_1");
        Assert.That((await Post(joined, Sign(joined))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var present = await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"));
        Assert.That(present.Present.Single().ParticipantId, Is.EqualTo(guest.Id));
        Assert.That(present.ByCountry.Single().Country, Is.EqualTo("DE"));

        var left = ParticipantEvent(WebhookEventNames.ParticipantLeft, conference.Id, guest.Id, "PA_1");
        Assert.That((await Post(left, Sign(left))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"))).ConnectedNow, Is.Zero);
    }

    [Test]
    public async Task TamperedBody_BearerPrefix_WrongSecret_AndNoHeader_Are401AndRecordNothing()
    {
        var conference = await CreateConferenceAsync();
        var guest = await AddParticipantAsync(conference.Id, "Kamran", "DE", "attendee");
        var body = ParticipantEvent(WebhookEventNames.ParticipantJoined, conference.Id, guest.Id, "PA_2");
        var tampered = body.Replace("PA_2", "PA_3", StringComparison.Ordinal);

        await Problem(await Post(tampered, Sign(body)), HttpStatusCode.Unauthorized);
        await Problem(await Post(body, "Bearer " + Sign(body)), HttpStatusCode.Unauthorized);
        await Problem(await Post(body, new WebhookSigner(ApiKey, "another-secret-that-is-long-enough-too", Host.Clock).Sign(body)), HttpStatusCode.Unauthorized);
        await Problem(await Post(body, null), HttpStatusCode.Unauthorized);

        Assert.That((await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"))).ConnectedNow, Is.Zero);
    }

    [Test]
    public async Task FailedRecording_TurnsTheMediaStatusDegraded_ForHosts()
    {
        var conference = await CreateConferenceAsync();
        var body = """{"event":"egress_ended","egressInfo":"""
            + $$"""{"egressId":"EG_1","roomName":"{{MediaRooms.For(conference.Id)}}","status":"EGRESS_FAILED","error":"no space left on device"}"""
            + ""","id":"EV_9","createdAt":"1798000000"}""";

        Assert.That((await Post(body, Sign(body))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var status = await Read<MediaStatus>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/media/status"));
        Assert.That(status.State, Is.EqualTo(MediaSyncState.Degraded));
        Assert.That(status.Error, Is.EqualTo("Recording failed: no space left on device"));
    }

    [Test]
    public async Task SignedButNotJson_IsRefusedWithTheReason()
    {
        const string body = "not json at all";
        var problem = await Problem(await Post(body, Sign(body)), HttpStatusCode.BadRequest);
        Assert.That((string?)problem["detail"], Does.Contain("not JSON"));
    }

    [Test]
    public async Task EventForARoomThisServiceDidNotName_IsAcceptedAndIgnored()
    {
        const string body = """{"event":"participant_joined","room":{"name":"someone-elses-room"},"participant":{"sid":"PA_9","identity":"x"},"id":"EV_elsewhere"}""";
        Assert.That((await Post(body, Sign(body))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    private static readonly string LongId = new('x', 10_000);

    private static IEnumerable<TestCaseData> SignedButOutOfRange()
    {
        const string room = "\"room\":{\"name\":\"conference-00000000000000000000000000000000\"}";
        yield return Case("a 1e12 counter", $$"""{"event":"room_started",{{room}},"id":"EV_1","numDropped":1e12}""");
        yield return Case("a 1e18 timestamp", $$"""{"event":"room_started",{{room}},"id":"EV_1","createdAt":"1000000000000000000"}""");
        yield return Case("a -1e18 timestamp", $$"""{"event":"room_started",{{room}},"id":"EV_1","createdAt":-1000000000000000000}""");
        yield return Case("a timestamp in the 23rd century", $$"""{"event":"room_started",{{room}},"id":"EV_1","createdAt":"9999999999"}""");
        yield return Case("an enum number of 1e12", $$"""{"event":"participant_joined",{{room}},"participant":{"sid":"PA_1","identity":"x","state":1e12},"id":"EV_1"}""");
        yield return Case("an empty id", $$"""{"event":"room_started",{{room}},"id":""}""");
        yield return Case("no id", $$"""{"event":"room_started",{{room}}}""");
        yield return Case("a 10,000-character id", $$"""{"event":"room_started",{{room}},"id":"{{LongId}}"}""");
        yield return Case("a 10,000-character participant sid", $$"""{"event":"participant_joined",{{room}},"participant":{"sid":"{{LongId}}","identity":"x"},"id":"EV_1"}""");
        yield return Case("an empty participant sid", $$"""{"event":"participant_left",{{room}},"participant":{"sid":"","identity":"x"},"id":"EV_1"}""");
        yield return Case("a lone surrogate", $$"""{"event":"participant_joined",{{room}},"participant":{"sid":"PA_1","identity":"\ud800"},"id":"EV_1"}""");
        yield return Case("a 10,000-character room", $$"""{"event":"room_started","room":{"name":"{{LongId}}"},"id":"EV_1"}""");

        static TestCaseData Case(string name, string body) => new TestCaseData(body).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(SignedButOutOfRange))]
    public async Task SignedWebhook_WithValuesOutOfRange_Is400NotA500(string body)
    {
        await Problem(await Post(body, Sign(body)), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task SignedWebhook_ThatIsNotUtf8_Is400()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"room_started\",\"id\":\"EV_\u00ff\"}");
        body[^3] = 0xFF;
        using var request = new HttpRequestMessage(HttpMethod.Post, MediaEndpoints.LiveKitWebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", WebhookReceiver.ContentType);
        request.Headers.TryAddWithoutValidation("Authorization", new WebhookSigner(ApiKey, ApiSecret, Host.Clock).Sign(body));

        await Problem(await Anonymous.SendAsync(request), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task ReplayedJoin_AfterTheLeave_DoesNotReopenTheStay()
    {
        var conference = await CreateConferenceAsync();
        var guest = await AddParticipantAsync(conference.Id, "Kamran", "DE", "attendee");
        var joined = ParticipantEvent(WebhookEventNames.ParticipantJoined, conference.Id, guest.Id, "PA_5");
        var signed = Sign(joined);
        Assert.That((await Post(joined, signed)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var left = ParticipantEvent(WebhookEventNames.ParticipantLeft, conference.Id, guest.Id, "PA_5");
        Assert.That((await Post(left, Sign(left))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That((await Post(joined, signed)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a replay is acknowledged, and ignored");
        Assert.That((await Post(joined, Sign(joined))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "re-signed, same event id: still ignored");

        var attendance = await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"));
        Assert.That(attendance.ConnectedNow, Is.Zero);
        var log = await Read<List<AttendanceEntryDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance/log"));
        Assert.That(log, Has.Count.EqualTo(1), "one stay, not reopened");
    }

    [Test]
    public async Task JoinOlderThanTheLeave_WithANewEventId_DoesNotReopenTheStay()
    {
        var conference = await CreateConferenceAsync();
        var guest = await AddParticipantAsync(conference.Id, "Kamran", "DE", "attendee");
        string Event(string name, string id, DateTimeOffset at) =>
            $$"""{"event":"{{name}}","room":{"name":"{{MediaRooms.For(conference.Id)}}"},"participant":{"sid":"PA_6","identity":"{{guest.Id}}"},"""
            + $$"""  "id":"{{id}}","createdAt":"{{at.ToUnixTimeSeconds()}}"}""";
        var early = Host.Clock.GetUtcNow().AddMinutes(-1);
        var first = Event(WebhookEventNames.ParticipantJoined, "EV_A", early);
        var leave = Event(WebhookEventNames.ParticipantLeft, "EV_B", early.AddSeconds(30));
        var late = Event(WebhookEventNames.ParticipantJoined, "EV_C", early.AddSeconds(10));
        foreach (var body in new[] { first, leave, late })
        {
            Assert.That((await Post(body, Sign(body))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        Assert.That((await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"))).ConnectedNow, Is.Zero);
    }

    [Test]
    public async Task WebhookToken_ValidForDays_Is401()
    {
        const string body = """{"event":"room_started","id":"EV_7"}""";
        var token = new AccessToken(ApiKey, ApiSecret)
        {
            Sha256 = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body))),
            TimeToLive = TimeSpan.FromDays(30),
        }.ToJwt(Host.Clock);

        var problem = await Problem(await Post(body, token), HttpStatusCode.Unauthorized);
        Assert.That((string?)problem["detail"], Does.Contain("valid for"));
    }
}
