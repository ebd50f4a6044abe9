using System.Text.Json.Nodes;

using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Conformance;

/// <summary>Webhooks checked both ways against livekit-server-sdk's WebhookReceiver and @livekit/protocol's WebhookEvent.</summary>
public sealed class WebhookConformanceTests
{
    private const string Key = "APIprobeKey";
    private const string Secret = "probe-secret-that-is-long-enough-0123456789";
    private const string Body = """{"event":"track_published","room":{"sid":"RM_1","name":"conf-1"},"participant":{"identity":"alice"},"track":"""
        + """{"sid":"TR_1","type":"AUDIO","source":"MICROPHONE"},"id":"EV_1","createdAt":"1700000000"}""";

    private readonly WebhookSigner _signer = new(Key, Secret);

    [Test]
    public async Task CSharpSignedWebhook_JsReceiverAcceptsAndParsesTheSameEvent()
    {
        JsonNode result = await JsReceive(Body, _signer.Sign(Body));

        Assert.That((bool)result["ok"]!, Is.True, result.ToJsonString());
        JsonNode jsEvent = result["event"]!;
        WebhookEvent csEvent = new WebhookReceiver(Key, Secret).Receive(Body, _signer.Sign(Body));
        Assert.Multiple(() =>
        {
            Assert.That((string?)jsEvent["event"], Is.EqualTo(csEvent.Event));
            Assert.That((string?)jsEvent["room"]!["name"], Is.EqualTo(csEvent.Room!.Name));
            Assert.That((string?)jsEvent["track"]!["sid"], Is.EqualTo(csEvent.Track!.Sid));
            Assert.That((string?)jsEvent["track"]!["source"], Is.EqualTo("MICROPHONE"));
            Assert.That(csEvent.Track.Source, Is.EqualTo(TrackSource.Microphone));
            Assert.That((string?)jsEvent["createdAt"], Is.EqualTo(csEvent.CreatedAt!.Value.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public async Task CSharpSignedWebhook_WithExtraSpacesInBody_JsReceiverAccepts()
    {
        string spaced = "{  \"event\" : \"room_started\" ,\n \"room\" : { \"name\" :  \"conf-1\" }  }";

        JsonNode result = await JsReceive(spaced, _signer.Sign(spaced));

        Assert.That((bool)result["ok"]!, Is.True, result.ToJsonString());
    }

    [Test]
    public async Task CSharpSignedWebhook_WhenBodyIsTampered_JsReceiverRejects()
    {
        JsonNode result = await JsReceive(Body.Replace("alice", "mallory", StringComparison.Ordinal), _signer.Sign(Body));

        Assert.That((string?)result["error"], Does.Contain("sha256"));
    }

    [Test]
    public async Task CSharpSignedWebhook_WithBearerPrefix_JsReceiverRejects()
    {
        JsonNode result = await JsReceive(Body, "Bearer " + _signer.Sign(Body));

        Assert.That((bool)result["ok"]!, Is.False);
    }

    [Test]
    public async Task JsSignedWebhook_CSharpReceiverAcceptsProtocolEncodedEvent()
    {
        JsonNode encoded = await NodeScripts.RunAsync("webhooks.mjs", new
        {
            op = "event",
            @event = new
            {
                @event = "egress_ended",
                egressInfo = new { egressId = "EG_1", roomName = "conf-1", status = "EGRESS_COMPLETE", endedAt = "1700000000000000000" },
                id = "EV_9",
                createdAt = "1700000001",
            },
        });
        string body = (string)encoded["body"]!;
        string authorization = await JsSign(body);

        WebhookEvent received = new WebhookReceiver(Key, Secret).Receive(body, authorization);

        Assert.Multiple(() =>
        {
            Assert.That(received.Event, Is.EqualTo(WebhookEventNames.EgressEnded));
            Assert.That(received.EgressInfo!.EgressId, Is.EqualTo("EG_1"));
            Assert.That(received.EgressInfo.Status, Is.EqualTo(EgressStatus.Complete));
            Assert.That(received.EgressInfo.EndedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
            Assert.That(received.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_001)));
        });
    }

    [Test]
    public async Task JsSignedWebhook_WhenTamperedOrBearerPrefixed_CSharpRejects()
    {
        string authorization = await JsSign(Body);
        WebhookReceiver receiver = new(Key, Secret);

        Assert.Multiple(() =>
        {
            Assert.That(receiver.Receive(Body, authorization).Event, Is.EqualTo("track_published"));
            Assert.That(() => receiver.Receive(Body + " ", authorization), Throws.TypeOf<LiveKitTokenException>());
            Assert.That(() => receiver.Receive(Body, "Bearer " + authorization), Throws.TypeOf<LiveKitTokenException>());
        });
    }

    private static Task<JsonNode> JsReceive(string body, string authorization) =>
        NodeScripts.RunAsync("webhooks.mjs", new { op = "receive", body, authorization, apiKey = Key, apiSecret = Secret });

    private static async Task<string> JsSign(string body) =>
        (string)(await NodeScripts.RunAsync("webhooks.mjs", new { op = "sign", body, apiKey = Key, apiSecret = Secret }))["authorization"]!;
}
