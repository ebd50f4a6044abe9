using System.Net;
using System.Text.Json.Nodes;

using Conference.LiveKit.Emulator;
using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Emulator;

/// <summary>Webhooks the emulator posts: verified by the C# receiver, LiveKit's JS receiver and strict protocol parsing.</summary>
[NonParallelizable]
public sealed class EmulatorWebhookTests
{
    [Test]
    public async Task StateChanges_ArePostedAsSignedWebhooksInOrder()
    {
        await using CaptureServer receiver = await CaptureServer.StartAsync();
        await using LiveKitEmulator emulator = await LiveKitEmulator.StartAsync();
        emulator.Webhooks.Target = receiver.Url;
        using LiveKitTestHost host = new(emulator.Url, apiKey: emulator.ApiKey, apiSecret: emulator.ApiSecret);

        await host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "hooks", Metadata = "m" });
        emulator.AddParticipant("hooks", "alice", new TrackInfo { Type = TrackType.Audio, Source = TrackSource.Microphone });
        await host.Rooms.RemoveParticipantAsync("hooks", "alice");
        await host.Rooms.DeleteRoomAsync("hooks");
        await emulator.Webhooks.FlushAsync();

        IReadOnlyList<CapturedRequest> posted = receiver.TakeRequests();
        WebhookReceiver verifier = new(emulator.ApiKey, emulator.ApiSecret);
        WebhookEvent[] events = [.. posted.Select(r => verifier.Receive(r.Body, r.Authorization))];
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(static e => e.Event), Is.EqualTo(new[]
            {
                WebhookEventNames.RoomStarted,
                WebhookEventNames.ParticipantJoined,
                WebhookEventNames.TrackPublished,
                WebhookEventNames.ParticipantLeft,
                WebhookEventNames.RoomFinished,
            }));
            Assert.That(events[0].Room!.Metadata, Is.EqualTo("m"));
            Assert.That(events[2].Track!.Source, Is.EqualTo(TrackSource.Microphone));
            Assert.That(events[3].Participant!.Identity, Is.EqualTo("alice"));
            Assert.That(events.Select(static e => e.Id), Is.Unique);
            Assert.That(posted.Select(static r => r.ContentType), Has.All.EqualTo(WebhookReceiver.ContentType));
            Assert.That(emulator.Webhooks.Delivered.Select(static d => d.Status), Has.All.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task EmulatorWebhook_IsAcceptedByJsReceiverAndParsesStrictly()
    {
        await using CaptureServer receiver = await CaptureServer.StartAsync();
        await using LiveKitEmulator emulator = await LiveKitEmulator.StartAsync();
        emulator.Webhooks.Target = receiver.Url;
        emulator.AddParticipant("strict", "bob", new TrackInfo { Type = TrackType.Video, Source = TrackSource.Camera, Name = "cam" });
        await emulator.Webhooks.FlushAsync();
        CapturedRequest trackPublished = receiver.TakeRequests().Last();

        JsonNode js = await NodeScripts.RunAsync("webhooks.mjs", new
        {
            op = "receive",
            body = trackPublished.Body,
            authorization = trackPublished.Authorization,
            apiKey = emulator.ApiKey,
            apiSecret = emulator.ApiSecret,
        });
        JsonNode strict = await NodeScripts.RunAsync("protocol.mjs", new { items = new[] { new { type = "WebhookEvent", body = trackPublished.Body, strict = true } } });

        Assert.Multiple(() =>
        {
            Assert.That((bool)js["ok"]!, Is.True, js.ToJsonString());
            Assert.That((string?)js["event"]?["event"], Is.EqualTo(WebhookEventNames.TrackPublished));
            Assert.That((string?)js["event"]?["track"]?["source"], Is.EqualTo("CAMERA"));
            Assert.That((bool)strict["results"]![0]!["ok"]!, Is.True, strict.ToJsonString());
        });
    }

    [Test]
    public async Task EmulatorWebhooks_AreExactlyWhatLiveKitsOwnEncoderWrites_CamelCaseWithoutDefaults()
    {
        await using CaptureServer receiver = await CaptureServer.StartAsync();
        await using LiveKitEmulator emulator = await LiveKitEmulator.StartAsync();
        emulator.Webhooks.Target = receiver.Url;
        using LiveKitTestHost host = new(emulator.Url, apiKey: emulator.ApiKey, apiSecret: emulator.ApiSecret);
        await host.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "canon" });
        emulator.AddParticipant("canon", "alice", new TrackInfo { Type = TrackType.Audio, Source = TrackSource.Microphone });
        await host.Rooms.UpdateParticipantAsync(new UpdateParticipantRequest
        {
            Room = "canon", Identity = "alice", Permission = new ParticipantPermission { CanSubscribe = true, CanPublishData = true },
        });
        IngressInfo ingress = await host.Ingress.CreateUrlIngressAsync(new CreateUrlIngressRequest { Url = "https://example.com/a.mp4", RoomName = "canon", ParticipantIdentity = "playout" });
        EgressInfo egress = await host.Egress.StartRoomCompositeEgressAsync(new StartRoomCompositeEgressRequest
        {
            RoomName = "canon", FileOutputs = [new EncodedFileOutput { FileType = EncodedFileType.Mp4, Filepath = "c.mp4" }],
        });
        emulator.FailIngress(ingress.IngressId, "source gone");
        emulator.FailEgress(egress.EgressId, "disk full");
        await emulator.Webhooks.FlushAsync();
        IReadOnlyList<CapturedRequest> posted = receiver.TakeRequests();

        // protobuf-JSON of @livekit/protocol's own WebhookEvent (parsed strictly, written with its defaults: camelCase, no zero values).
        JsonNode canonical = await NodeScripts.RunAsync(
            "protocol.mjs", new { items = posted.Select(r => new { type = "WebhookEvent", body = r.Body, strict = true }).ToArray() });

        Assert.That(posted.Select(r => JsonNode.Parse(r.Body)!["event"]!.GetValue<string>()), Is.SupersetOf(new[]
        {
            WebhookEventNames.TrackUnpublished, WebhookEventNames.IngressStarted, WebhookEventNames.IngressEnded,
            WebhookEventNames.EgressStarted, WebhookEventNames.EgressUpdated, WebhookEventNames.EgressEnded,
        }));
        Assert.Multiple(() =>
        {
            for (int i = 0; i < posted.Count; i++)
            {
                JsonNode result = canonical["results"]![i]!;
                Assert.That((bool)result["ok"]!, Is.True, result.ToJsonString());
                Assert.That(JsonNode.DeepEquals(JsonNode.Parse(posted[i].Body), result["json"]), Is.True, $"{posted[i].Body}\nvs LiveKit's\n{result["json"]}");
            }
        });
    }

    [Test]
    public void Target_WhenNotLoopback_IsRefused()
    {
        Assert.That(static async () =>
        {
            await using LiveKitEmulator emulator = await LiveKitEmulator.StartAsync();
            emulator.Webhooks.Target = new Uri("http://example.com/hooks");
        }, Throws.ArgumentException);
    }
}
