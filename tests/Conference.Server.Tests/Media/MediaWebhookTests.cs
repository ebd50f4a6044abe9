using System.Net;
using System.Text;
using Conference.LiveKit;
using Conference.Server.Features.Attendance;
using Conference.Server.Features.Media;
using Conference.Server.Media;

namespace Conference.Server.Tests.Media;

/// <summary>LiveKit webhooks into the running server: verified, then fed to attendance. Forged or tampered ones get 401.</summary>
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
        + $$"""{"sid":"{{sid}}","identity":"{{participantId}}","name":"Guest"},"id":"EV_{{sid}}","createdAt":"1798000000"}""";

    private Task<HttpResponseMessage> Post(string body, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, MediaRoutes.LiveKitWebhookPath)
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
        var problem = await Problem(await Post(body, Sign(body)), HttpStatusCode.Unauthorized);
        Assert.That((string?)problem["detail"], Does.Contain("not JSON"));
    }

    [Test]
    public async Task EventForARoomThisServiceDidNotName_IsAcceptedAndIgnored()
    {
        const string body = """{"event":"participant_joined","room":{"name":"someone-elses-room"},"participant":{"sid":"PA_9","identity":"x"}}""";
        Assert.That((await Post(body, Sign(body))).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }
}
