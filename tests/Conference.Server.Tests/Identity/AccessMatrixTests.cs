using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Conference.Server.Features.Conferences;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Identity;

/// <summary>
/// Walks every endpoint with every kind of caller and asserts allowed or refused for each cell:
/// 401 without credentials, 403 for a role that may not act or a session of another conference.
/// "ok" means the request succeeded (2xx): every body here is valid, so an allowed cell does its work.
/// Read access: the conference list, program, timeline, calendar and registration status are
/// public (participants in 77 countries read the program before joining); participants and
/// attendance are not. A session for another conference gets 403, not 404: which conferences
/// exist is public anyway, so a 404 would hide nothing.
/// </summary>
public partial class AccessMatrixTests(DatabaseKind kind) : ApiTestBase(kind)
{
    /// <summary>Callers in column order. The organizer comes last because its allowed deletes end the world of the row.</summary>
    public static readonly string[] Callers = ["anonymous", "host", "producer", "speaker", "awardee", "attendee", "host of another conference", "organizer"];

    private const string Public = "ok ok ok ok ok ok ok ok";
    private const string OrganizerOnly = "401 403 403 403 403 403 403 ok";
    private const string HostAndProducer = "401 ok ok 403 403 403 403 ok";
    private const string Participants = "401 ok ok ok ok ok 403 ok";

    // Show moves depend on what the callers before made of the show (a second start is an illegal move),
    // so an allowed cell here is "in": past the gate, answered with anything but 401, 403 or a 5xx.
    private const string HostsDrive = "401 in 403 403 403 403 403 in";

    //                               method  path                                                    body                                  anon host prod spk awd att other org
    private static readonly (string Method, string Path, string? Body, string Expected)[] Matrix =
    [
        ("GET", "/api/conferences", null, Public),
        ("POST", "/api/conferences", """{"title":"New","scheduledStart":"2026-12-31T11:00:00Z","timeZone":"Asia/Baku","languages":["az"]}""", OrganizerOnly),
        ("GET", "/api/conferences/{A}", null, Public),
        ("PUT", "/api/conferences/{A}", """{"expectedRevision":{rev},"title":"T","scheduledStart":"2026-12-31T11:00:00Z","timeZone":"Asia/Baku","languages":["az"]}""", OrganizerOnly),
        ("DELETE", "/api/conferences/{A}", null, OrganizerOnly),
        ("POST", "/api/conferences/{A}/segments", """{"expectedRevision":{rev},"kind":"minuteOfSilence","title":"Second silence"}""", OrganizerOnly),
        ("PUT", "/api/conferences/{A}/segments/{segment}", """{"expectedRevision":{rev},"kind":"minuteOfSilence","title":"Silence"}""", OrganizerOnly),
        ("DELETE", "/api/conferences/{A}/segments/{segment}?expectedRevision={rev}", null, OrganizerOnly),
        ("POST", "/api/conferences/{A}/segments/reorder", """{"expectedRevision":{rev},"segmentIds":["{segment}","{ceremony}","{ceremony2}","{appeals}"]}""", OrganizerOnly),
        ("GET", "/api/conferences/{A}/timeline", null, Public),
        ("GET", "/api/conferences/{A}/program.ics", null, Public),
        ("GET", "/api/conferences/{A}/participants", null, HostAndProducer),
        ("POST", "/api/conferences/{A}/participants", """{"displayName":"New {unique}","country":"TR","roles":["speaker"]}""", OrganizerOnly),
        ("POST", "/api/conferences/{A}/participants/import", "csv:displayName,country,roles\nImported {unique},TR,speaker", OrganizerOnly),
        ("GET", "/api/conferences/{A}/participants/{spare}", null, HostAndProducer),
        ("PUT", "/api/conferences/{A}/participants/{spare}", """{"displayName":"Spare","country":"AZ","roles":["attendee"]}""", OrganizerOnly),
        ("DELETE", "/api/conferences/{A}/participants/{spare}", null, OrganizerOnly),
        ("POST", "/api/conferences/{A}/participants/{spare}/invitations", "{}", OrganizerOnly),
        ("GET", "/api/conferences/{A}/participants/{spare}/invitations", null, OrganizerOnly),
        ("DELETE", "/api/conferences/{A}/participants/{spare}/invitations/{invitation}", null, OrganizerOnly),
        ("POST", "/api/conferences/{A}/invitations", "{}", OrganizerOnly),
        ("POST", "/api/join", """{"code":"{code}"}""", Public),
        ("GET", "/api/conferences/{A}/registration", null, Public),
        ("PUT", "/api/conferences/{A}/registration", """{"open":true,"capacity":1000}""", OrganizerOnly),
        ("POST", "/api/conferences/{A}/register", """{"displayName":"Guest {unique}","country":"DE"}""", Public),
        ("GET", "/api/conferences/{A}/attendance", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/attendance/log", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/show", null, Participants),
        ("GET", "/api/conferences/{A}/show/timeline", null, Participants),
        ("POST", "/api/conferences/{A}/show/start", """{"expectedRevision":{showrev}}""", HostsDrive),
        ("POST", "/api/conferences/{A}/show/next", """{"expectedRevision":{showrev}}""", HostsDrive),
        ("POST", "/api/conferences/{A}/show/goto", """{"expectedRevision":{showrev},"segmentId":"{segment}"}""", HostsDrive),
        ("POST", "/api/conferences/{A}/show/pause", """{"expectedRevision":{showrev}}""", HostsDrive),
        ("POST", "/api/conferences/{A}/show/resume", """{"expectedRevision":{showrev}}""", HostsDrive),
        ("POST", "/api/conferences/{A}/show/adjust-time", """{"expectedRevision":{showrev},"deltaSeconds":30}""", HostsDrive),
        ("POST", "/api/conferences/{A}/show/skip", """{"expectedRevision":{showrev},"segmentId":"{segment}"}""", HostsDrive),
        ("POST", "/api/conferences/{A}/show/cue", """{"expectedRevision":{showrev}}""", HostsDrive),
        ("POST", "/api/conferences/{A}/show/message", """{"expectedRevision":{showrev},"audience":"hosts","text":"Two minutes"}""", "401 ok 403 403 403 403 403 ok"),
        ("POST", "/api/conferences/{A}/show/end", """{"expectedRevision":{showrev}}""", HostsDrive),
        ("GET", "/api/conferences/{A}/awards", null, HostAndProducer),
        ("POST", "/api/conferences/{A}/awards", """{"segmentId":"{ceremony2}"}""", OrganizerOnly),
        ("GET", "/api/conferences/{A}/awards/{award}", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/awards/called", null, Participants),
        ("PUT", "/api/conferences/{A}/awards/{award}", """{"expectedRevision":{awardrev},"name":"Medal"}""", OrganizerOnly),
        ("DELETE", "/api/conferences/{A}/awards/{award}?expectedRevision={awardrev}", null, OrganizerOnly),
        ("POST", "/api/conferences/{A}/awards/{award}/recipients", """{"expectedRevision":{awardrev},"participantId":"{spare}"}""", OrganizerOnly),
        ("PUT", "/api/conferences/{A}/awards/{award}/recipients/{recipient}", """{"expectedRevision":{awardrev},"citation":"For service"}""", OrganizerOnly),
        ("DELETE", "/api/conferences/{A}/awards/{award}/recipients/{recipient}?expectedRevision={awardrev}", null, OrganizerOnly),
        ("POST", "/api/conferences/{A}/awards/{award}/recipients/import?expectedRevision={awardrev}", "csv:name,country,citation\nImported {unique},TR,For service", OrganizerOnly),
        ("POST", "/api/conferences/{A}/awards/{award}/recipients/order", """{"expectedRevision":{awardrev},"generate":"byName"}""", OrganizerOnly),

        // Marks need a started show (409 before it): an allowed cell is "in", as for show moves.
        ("POST", "/api/conferences/{A}/awards/{award}/marks", """{"participantId":"{recipient}","outcome":"presented"}""", "401 in in 403 403 403 403 in"),
        ("GET", "/api/conferences/{A}/awards/{award}/tally", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/report", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/report/{csv}", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/report.html", null, HostAndProducer),
        ("POST", "/api/conferences/{A}/show/reset", """{"expectedRevision":{showrev}}""", HostsDrive),
        ("POST", "/api/conferences/{A}/media/join", null, Participants),
        ("GET", "/api/conferences/{A}/media/status", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/appeals", null, HostAndProducer),
        ("POST", "/api/conferences/{A}/appeals?segmentId={appeals}&senderName=Sender&country=TR&language=az&title=Hello", "video:", HostAndProducer),
        ("POST", "/api/conferences/{A}/appeals/uploads", """{"segmentId":"{appeals}","senderName":"Sender","country":"TR","language":"az","title":"Hello","size":1000}""", HostAndProducer),
        ("GET", "/api/conferences/{A}/appeals/uploads/{unique}", null, "401 404! 404! 403 403 403 403 404!"),

        // Past the gate a chunk without its Upload-Offset header is refused (400): an allowed cell is "in".
        ("PATCH", "/api/conferences/{A}/appeals/uploads/{unique}", null, "401 in in 403 403 403 403 in"),
        ("DELETE", "/api/conferences/{A}/appeals/uploads/{unique}", null, "401 404! 404! 403 403 403 403 404!"),
        // Past the gate the server refuses to fetch from loopback (422, see AppealUrlTests): an allowed cell is "in".
        ("POST", "/api/conferences/{A}/appeals/from-url",
            """{"segmentId":"{appeals}","url":"http://127.0.0.1:9/a.mp4","senderName":"Sender","country":"TR","language":"az","title":"Hello"}""",
            "401 in in 403 403 403 403 in"),
        ("GET", "/api/conferences/{A}/appeals/{appeal}", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/appeals/{appeal}/thumbnail", null, HostAndProducer),
        ("PUT", "/api/conferences/{A}/appeals/{appeal}", """{"expectedRevision":{appealrev},"senderName":"Sender","country":"DE","language":"de","title":"Hallo"}""", HostAndProducer),
        ("POST", "/api/conferences/{A}/appeals/{appeal}/reject", """{"expectedRevision":{appealrev},"reason":"No sound"}""", HostAndProducer),
        ("POST", "/api/conferences/{A}/appeals/{appeal}/move", """{"expectedRevision":{appealrev},"segmentId":"{appeals}"}""", HostAndProducer),
        ("POST", "/api/conferences/{A}/appeals/reorder", """{"expectedRevision":{appealrev},"segmentId":"{appeals}","appealIds":["{appeal}"]}""", HostAndProducer),

        // Approving twice and deleting twice are illegal moves (409, 404): an allowed cell is "in".
        ("POST", "/api/conferences/{A}/appeals/{appeal}/approve", """{"expectedRevision":{appealrev}}""", "401 in in 403 403 403 403 in"),
        ("DELETE", "/api/conferences/{A}/appeals/{appeal}?expectedRevision={appealrev}", null, "401 in in 403 403 403 403 in"),
        ("GET", "/api/conferences/{A}/appeals/{appeal}/video", null, HostAndProducer),
        ("GET", "/api/conferences/{A}/appeals/{appeal}/preview-link", null, HostAndProducer),

        // The queue moves only while its block is on air (409 before the show): an allowed cell is "in".
        ("POST", "/api/conferences/{A}/appeals/live/next", """{"expectedRevision":{showrev}}""", "401 in in 403 403 403 403 in"),
        ("POST", "/api/conferences/{A}/appeals/live/skip", """{"expectedRevision":{showrev},"appealId":"{appeal}"}""", "401 in in 403 403 403 403 in"),
        ("POST", "/api/conferences/{A}/appeals/live/pause", """{"expectedRevision":{showrev}}""", "401 in in 403 403 403 403 in"),
        ("POST", "/api/conferences/{A}/appeals/live/resume", """{"expectedRevision":{showrev}}""", "401 in in 403 403 403 403 in"),

        ("POST", "/api/conferences/{A}/appeals/links", """{"segmentId":"{appeals}","label":"Berlin","deadline":"2026-12-30T00:00:00Z"}""", HostAndProducer),
        ("GET", "/api/conferences/{A}/appeals/links", null, HostAndProducer),
        ("DELETE", "/api/conferences/{A}/appeals/links/{unique}", null, "401 404! 404! 403 403 403 403 404!"),

        // A contributor's upload is authorized by the submission link's token alone (see AppealSubmissionLinkTests):
        // a session or the organizer key is not one.
        ("GET", "/api/appeal-submissions", null, "401 401 401 401 401 401 401 401"),
        ("POST", "/api/appeal-submissions?senderName=Sender&country=TR&language=az&title=Hello", "video:", "401 401 401 401 401 401 401 401"),
        ("POST", "/api/appeal-submissions/uploads", """{"senderName":"Sender","country":"TR","language":"az","title":"Hello","size":1000}""",
            "401 401 401 401 401 401 401 401"),
        ("GET", "/api/appeal-submissions/uploads/{unique}", null, "401 401 401 401 401 401 401 401"),
        // A chunk without its Upload-Offset header is refused before the token is read; with it, 401 (AppealSubmissionLinkTests).
        ("PATCH", "/api/appeal-submissions/uploads/{unique}", null, "400! 400! 400! 400! 400! 400! 400! 400!"),
        ("DELETE", "/api/appeal-submissions/uploads/{unique}", null, "401 401 401 401 401 401 401 401"),

        // Authorized by its signature, not by a caller's role: without one, nobody gets the video.
        ("GET", "/api/appeal-videos/{appeal}?conference={A}&expires=4102444800&signature=forged", null, "403 403 403 403 403 403 403 403"),

        ("GET", "/api/conferences/{A}/control-tokens", null, "401 ok 403 403 403 403 403 ok"),
        ("POST", "/api/conferences/{A}/control-tokens", """{"label":"Deck {unique}"}""", "401 ok 403 403 403 403 403 ok"),
        ("DELETE", "/api/conferences/{A}/control-tokens/{unique}", null, "401 404! 403 403 403 403 403 404!"),

        // A stream deck is authorized by its control token alone (see StreamDeckControlTests): a session or the key is not one.
        ("POST", "/api/control/next", null, "401 401 401 401 401 401 401 401"),
        ("POST", "/api/control/pause", null, "401 401 401 401 401 401 401 401"),
        ("POST", "/api/control/resume", null, "401 401 401 401 401 401 401 401"),
        ("POST", "/api/organizer/session", """{"key":"not the key"}""", "401 401 401 401 401 401 401 401"),

        // Authorized by LiveKit's signature, not by a caller's role (see MediaWebhookTests); with the
        // simulated provider this host runs, there is no LiveKit to receive from, for anyone.
        ("POST", "/api/media/livekit/webhook", "{}", "404! 404! 404! 404! 404! 404! 404! 404!"),
    ];

    private static IEnumerable<TestCaseData> Rows() =>
        Matrix.Select(row => new TestCaseData(row.Method, row.Path, row.Body, row.Expected).SetArgDisplayNames($"{row.Method} {row.Path}"));

    /// <summary>A new endpoint without a row here fails this test: nobody adds an endpoint without deciding who may call it.</summary>
    [Test]
    public void Matrix_CoversEveryApiEndpoint()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                        && !e.RoutePattern.RawText.StartsWith("/api/reference", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => $"{method} {Shape(e.RoutePattern.RawText!)}"))
            .Distinct()
            .ToList();
        var covered = Matrix.Select(row => $"{row.Method} {Shape(row.Path)}").ToHashSet();

        Assert.That(endpoints, Is.Not.Empty);
        Assert.That(endpoints.Where(e => !covered.Contains(e)), Is.Empty, "add a row to AccessMatrixTests.Matrix for each of these endpoints");
    }

    /// <summary>"/api/conferences/{id:guid}/segments/" and "/api/conferences/{A}/segments?x=1" both become "/api/conferences/{}/segments".</summary>
    private static string Shape(string path) => Parameter().Replace(path.Split('?')[0], "{}").TrimEnd('/');

    [GeneratedRegex("{[^}]*}")]
    private static partial Regex Parameter();

    [TestCaseSource(nameof(Rows))]
    public async Task EveryCaller_GetsExactlyTheAccessTheirRoleGives(string method, string path, string? body, string expected)
    {
        var conference = await AddSegmentAsync(await CreateConferenceAsync("A"), new { kind = "minuteOfSilence", title = "Silence" });
        conference = await AddSegmentAsync(conference, new { kind = "awardsCeremony", title = "Medals", durationSeconds = 600, awardName = "Medal" });
        conference = await AddSegmentAsync(conference, new { kind = "awardsCeremony", title = "Diplomas", durationSeconds = 600, awardName = "Diploma" });
        var award = await Read<Features.Awards.AwardDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards", new { segmentId = conference.Segments[1].Id }));
        var recipient = await AddParticipantAsync(conference.Id, "Recipient Person", "TR", "attendee");
        await Read<Features.Awards.AwardDto>(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/awards/{award.Id}/recipients", new { expectedRevision = 1, participantId = recipient.Id }));
        conference = await AddSegmentAsync(conference, new { kind = "videoAppeals", title = "Appeals", durationSeconds = 300 });
        var appeal = await Read<Features.Appeals.AppealDto>(await Organizer.PostAsync(
            $"/api/conferences/{conference.Id}/appeals?segmentId={conference.Segments[3].Id}&senderName=Sender&country=TR&language=az&title=Hello",
            new StreamContent(File.OpenRead(await Appeals.TestVideos.TwoSecondsAsync()))));
        var other = await CreateConferenceAsync("B");
        var spare = await AddParticipantAsync(conference.Id, "Spare Person", "AZ", "attendee");
        var invitation = await InviteAsync(conference.Id, spare.Id);
        await Read<object>(await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/registration", new { open = true }));

        var clients = new List<HttpClient> { Anonymous };
        foreach (var role in new[] { "host", "producer", "speaker", "awardee", "attendee" })
        {
            clients.Add(await ParticipantClientAsync(conference.Id, role));
        }

        clients.Add(await ParticipantClientAsync(other.Id, "host"));
        clients.Add(Organizer);

        var actual = new List<string>();
        foreach (var client in clients)
        {
            var current = await Read<ConferenceDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}"));
            var show = await Read<System.Text.Json.Nodes.JsonObject>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
            var awardResponse = await Organizer.GetAsync($"/api/conferences/{conference.Id}/awards/{award.Id}");
            var appealRevision = (await Read<Features.Appeals.AppealQueueDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/appeals"))).Revision;
            var awardRevision = awardResponse.IsSuccessStatusCode ? (await Read<Features.Awards.AwardDto>(awardResponse)).Revision : 0;
            string Fill(string text) => text
                .Replace("{A}", conference.Id.ToString(), StringComparison.Ordinal)
                .Replace("{rev}", current.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{segment}", conference.Segments[0].Id.ToString(), StringComparison.Ordinal)
                .Replace("{ceremony}", conference.Segments[1].Id.ToString(), StringComparison.Ordinal)
                .Replace("{ceremony2}", conference.Segments[2].Id.ToString(), StringComparison.Ordinal)
                .Replace("{award}", award.Id.ToString(), StringComparison.Ordinal)
                .Replace("{appeals}", conference.Segments[3].Id.ToString(), StringComparison.Ordinal)
                .Replace("{appeal}", appeal.Id.ToString(), StringComparison.Ordinal)
                .Replace("{appealrev}", appealRevision.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{awardrev}", awardRevision.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{recipient}", recipient.Id.ToString(), StringComparison.Ordinal)
                .Replace("{csv}", "awards.csv", StringComparison.Ordinal)
                .Replace("{spare}", spare.Id.ToString(), StringComparison.Ordinal)
                .Replace("{invitation}", invitation.InvitationId.ToString(), StringComparison.Ordinal)
                .Replace("{code}", invitation.Code, StringComparison.Ordinal)
                .Replace("{showrev}", ((int)show["revision"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{unique}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);

            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
            if (body is not null)
            {
                request.Content = body.StartsWith("csv:", StringComparison.Ordinal)
                    ? new StringContent(Fill(body[4..]), Encoding.UTF8, "text/csv")
                    : body == "video:"
                        ? new StreamContent(File.OpenRead(await Appeals.TestVideos.TwoSecondsAsync()))
                        : new StringContent(Fill(body), Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            actual.Add(response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => "401",
                HttpStatusCode.Forbidden => "403",
                _ when response.IsSuccessStatusCode => "ok",
                _ => $"{(int)response.StatusCode}!",
            });
        }

        foreach (var client in clients.Skip(1).SkipLast(1))
        {
            client.Dispose();
        }

        var cells = expected.Split(' ');
        var seen = actual.Select((cell, i) => cells[i] == "in" && cell is not ("401" or "403") && !cell.StartsWith('5') ? "in" : cell);
        Assert.That(string.Join(" ", seen), Is.EqualTo(expected), $"columns: {string.Join(" | ", Callers)}");
    }
}
