using System.Net;
using System.Net.Http.Json;
using System.Text;
using Conference.LiveKit;
using Conference.LiveKit.Emulator;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Media;
using Conference.Server.Media;

namespace Conference.Server.Tests.Media;

/// <summary>
/// The running server on the LiveKit provider and the LiveKit-protocol emulator, with the emulator's signed webhooks
/// relayed into the server's webhook endpoint: someone who joins with a ticket issued before the anthem locked the
/// room loses the right to publish as soon as LiveKit reports the join, not at the next periodic pass.
/// Emulator conformance, not LiveKit compatibility.
/// </summary>
public class ServerMediaJoinTests
{
    [Test]
    public async Task JoiningDuringTheAnthem_WithATicketIssuedBefore_CannotPublish()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Media:Provider"] = "LiveKit",
            ["Media:ReconcileInterval"] = "00:00:10",
            ["LiveKit:CircuitBreakerMinimumThroughput"] = "1000",
        };
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database, settings);
        await using var emulator = await LiveKitEmulator.StartAsync(timeProvider: host.Clock);
        settings["LiveKit:Url"] = emulator.Url.ToString();
        settings["LiveKit:ApiKey"] = emulator.ApiKey;
        settings["LiveKit:ApiSecret"] = emulator.ApiSecret;

        // Nothing listens there: the emulator records each signed webhook, and the test relays it into the server.
        emulator.Webhooks.Target = new Uri("http://127.0.0.1:9/");
        using var organizer = host.CreateOrganizerClient();
        using var anonymous = host.CreateClient();
        var conference = await CreateAsync(organizer);
        var room = MediaRooms.For(conference.Id);

        var ticket = (await (await organizer.PostAsync($"/api/conferences/{conference.Id}/media/join", null))
            .Content.ReadFromJsonAsync<MediaJoinTicket>(ApiTestBase.Json))!;
        var grant = new TokenVerifier(emulator.ApiKey, emulator.ApiSecret, host.Clock).Verify(ticket.Token).Video!;
        Assert.That(grant.CanPublish, Is.True, "before the show the organizer may talk");

        var start = await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/show/start", new { expectedRevision = 0 });
        Assert.That(start.IsSuccessStatusCode, Is.True);
        await Eventually.Value(
            async () => (await organizer.GetFromJsonAsync<MediaStatus>($"/api/conferences/{conference.Id}/media/status", ApiTestBase.Json))!,
            s => s.State == MediaSyncState.InSync && s.Expected?.AudienceMuted == true);
        var relayed = emulator.Webhooks.Delivered.Count;

        // The ticket still says "may publish": LiveKit lets the holder in with those rights, microphone open.
        emulator.AddParticipant(
            room, "organizer",
            new ParticipantPermission { CanSubscribe = true, CanPublish = grant.CanPublish ?? true, CanPublishData = grant.CanPublishData ?? true },
            ParticipantKind.Standard,
            new TrackInfo { Sid = "TR_late_mic", Type = TrackType.Audio, Source = TrackSource.Microphone });
        Assert.That(emulator.FindParticipant(room, "organizer")!.Tracks, Has.Count.EqualTo(1), "the late joiner's microphone is live");

        await emulator.Webhooks.FlushAsync();
        foreach (var webhook in emulator.Webhooks.Delivered.Skip(relayed))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, MediaEndpoints.LiveKitWebhookPath)
            {
                Content = new StringContent(webhook.Body, Encoding.UTF8, WebhookReceiver.ContentType),
            };
            request.Headers.TryAddWithoutValidation("Authorization", webhook.Authorization);
            Assert.That((await anonymous.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), webhook.Event);
        }

        // No clock advance: only the join's reconcile can do this, not the periodic pass.
        await Eventually.Until(() => emulator.FindParticipant(room, "organizer")!.Permission!.CanPublish == false);
        Assert.That(emulator.FindParticipant(room, "organizer")!.Tracks, Is.Empty, "revoking publish took the microphone off the air");
        Assert.That(emulator.FindParticipant(room, "organizer")!.Permission!.CanPublishData, Is.True, "reactions still work");
    }

    [Test]
    public async Task MediaStatus_IsARead_ItNeverCallsTheMediaServer()
    {
        var settings = new Dictionary<string, string?> { ["Media:Provider"] = "LiveKit" };
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database, settings);
        await using var emulator = await LiveKitEmulator.StartAsync(timeProvider: host.Clock);
        settings["LiveKit:Url"] = emulator.Url.ToString();
        settings["LiveKit:ApiKey"] = emulator.ApiKey;
        settings["LiveKit:ApiSecret"] = emulator.ApiSecret;
        using var organizer = host.CreateOrganizerClient();
        var conference = await CreateAsync(organizer, withAnthem: false);

        var status = await organizer.GetFromJsonAsync<MediaStatus>($"/api/conferences/{conference.Id}/media/status", ApiTestBase.Json);
        var unknown = await organizer.GetAsync($"/api/conferences/{Guid.NewGuid()}/media/status");

        Assert.That(status!.State, Is.EqualTo(MediaSyncState.Pending), "never reconciled yet: pending, not a guess");
        Assert.That(emulator.Calls, Is.Empty, "a GET reads the last known state");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    /// <summary>Creating a conference is not a program edit, so without the anthem nothing asks media to reconcile.</summary>
    private static async Task<ConferenceDto> CreateAsync(HttpClient organizer, bool withAnthem = true)
    {
        var created = await organizer.PostAsJsonAsync("/api/conferences", new
        {
            title = "Late joiner", scheduledStart = "2026-12-31T11:00:00Z", timeZone = "Asia/Baku", languages = new[] { "az" },
        });
        var conference = (await created.Content.ReadFromJsonAsync<ConferenceDto>(ApiTestBase.Json))!;
        if (!withAnthem)
        {
            return conference;
        }

        var added = await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", new
        {
            expectedRevision = conference.Revision, kind = "anthem", title = "National anthem", durationSeconds = 120,
        });
        Assert.That(added.IsSuccessStatusCode, Is.True, await added.Content.ReadAsStringAsync());
        return conference;
    }
}
