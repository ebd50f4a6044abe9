using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Conference.LiveKit.Tests.Webhooks;

public sealed class WebhookReceiverTests
{
    private const string Key = "APIkey";
    private const string Secret = "a-secret-long-enough-for-hs256-0123456789";
    private const string Body = """{"event":"participant_joined","room":{"sid":"RM_1","name":"conf-1"},"participant":{"identity":"alice","state":"ACTIVE"},"id":"EV_1","createdAt":"1700000000"}""";

    private readonly WebhookSigner _signer = new(Key, Secret);
    private readonly WebhookReceiver _receiver = new(Key, Secret);

    [Test]
    public void Receive_WhenSignedBodyMatches_ParsesEvent()
    {
        WebhookEvent received = _receiver.Receive(Body, _signer.Sign(Body));

        Assert.Multiple(() =>
        {
            Assert.That(received.Event, Is.EqualTo(WebhookEventNames.ParticipantJoined));
            Assert.That(received.Room!.Name, Is.EqualTo("conf-1"));
            Assert.That(received.Participant!.Identity, Is.EqualTo("alice"));
            Assert.That(received.Participant.State, Is.EqualTo(ParticipantState.Active));
            Assert.That(received.Id, Is.EqualTo("EV_1"));
            Assert.That(received.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
        });
    }

    [Test]
    public void Receive_WhenBodyHasExtraSpaces_AcceptsBecauseHashIsOverRawBytes()
    {
        string spaced = "{ \"event\" :  \"room_started\" ,\n  \"room\": { \"name\" : \"conf-1\" } }";

        Assert.That(_receiver.Receive(spaced, _signer.Sign(spaced)).Room!.Name, Is.EqualTo("conf-1"));
    }

    [Test]
    public void Receive_WhenBodyIsTampered_Rejects()
    {
        string authorization = _signer.Sign(Body);
        string tampered = Body.Replace("alice", "mallory", StringComparison.Ordinal);

        Assert.That(() => _receiver.Receive(tampered, authorization), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("sha256"));
    }

    [Test]
    public void Receive_WhenReformattedEvenBySpaces_Rejects()
    {
        string authorization = _signer.Sign(Body);

        Assert.That(() => _receiver.Receive(Body + " ", authorization), Throws.TypeOf<LiveKitTokenException>());
    }

    [Test]
    public void Receive_WhenHeaderHasBearerPrefix_Rejects()
    {
        Assert.That(() => _receiver.Receive(Body, "Bearer " + _signer.Sign(Body)), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("Bearer"));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Receive_WhenHeaderIsMissing_Rejects(string? authorization)
    {
        Assert.That(() => _receiver.Receive(Body, authorization), Throws.TypeOf<LiveKitTokenException>());
    }

    [Test]
    public void Receive_WhenSignedWithAnotherSecret_Rejects()
    {
        string authorization = new WebhookSigner(Key, "another-secret-entirely-0123456789").Sign(Body);

        Assert.That(() => _receiver.Receive(Body, authorization), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("signature"));
    }

    [Test]
    public void Receive_WhenTokenHasNoSha256_Rejects()
    {
        string authorization = new AccessToken(Key, Secret).ToJwt();

        Assert.That(() => _receiver.Receive(Body, authorization), Throws.TypeOf<LiveKitTokenException>());
    }

    [Test]
    public void Receive_WhenTokenExpired_Rejects()
    {
        FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
        string authorization = new WebhookSigner(Key, Secret, clock).Sign(Body);
        clock.Advance(WebhookSigner.TokenTimeToLive + TimeSpan.FromMinutes(2));

        Assert.That(() => new WebhookReceiver(Key, Secret, clock).Receive(Body, authorization), Throws.TypeOf<LiveKitTokenException>().With.Message.Contains("expired"));
    }

    [Test]
    public void Receive_WhenBodyBytesAreNotUtf8Normalised_HashesExactBytes()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("""{"event":"room_finished","room":{"name":"caf\u00e9"}}""");

        Assert.That(_receiver.Receive(bytes, _signer.Sign(bytes)).Room!.Name, Is.EqualTo("café"));
    }

    [Test]
    public async Task ReceiveAsync_FromAspNetCoreRequest_VerifiesRawBodyAndHeader()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Body);
        DefaultHttpContext context = new();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentType = WebhookReceiver.ContentType;
        context.Request.Headers.Authorization = _signer.Sign(bytes);

        WebhookEvent received = await _receiver.ReceiveAsync(context.Request);

        Assert.That(received.Participant!.Identity, Is.EqualTo("alice"));
    }
}
