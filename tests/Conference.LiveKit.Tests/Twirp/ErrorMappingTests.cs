using System.Net;

using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Twirp;

public sealed class ErrorMappingTests
{
    private static readonly Uri Server = new("http://livekit.test");

    [Test]
    public void Call_WhenServerSendsTwirpError_ThrowsTypedErrorWithCodeMessageStatusAndMeta()
    {
        ScriptedHandler transport = new ScriptedHandler().Respond(
            HttpStatusCode.NotFound, """{"code":"not_found","msg":"participant not found","meta":{"identity":"bob"}}""");
        using LiveKitTestHost host = new(Server, transport);

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.GetParticipantAsync("conf-1", "bob"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TwirpErrorCodes.NotFound));
            Assert.That(error.ServerMessage, Is.EqualTo("participant not found"));
            Assert.That(error.HttpStatus, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(error.Meta, Does.ContainKey("identity").WithValue("bob"));
        });
    }

    [Test]
    public void Call_When401HasPlainTextBody_ThrowsUnauthenticated()
    {
        ScriptedHandler transport = new ScriptedHandler().Respond(HttpStatusCode.Unauthorized, "invalid token: signature is invalid\n", "text/plain");
        using LiveKitTestHost host = new(Server, transport);

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.ListRoomsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TwirpErrorCodes.Unauthenticated));
            Assert.That(error.HttpStatus, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.ServerMessage, Is.EqualTo("invalid token: signature is invalid"));
        });
    }

    [Test]
    public void Call_WhenMissingGrant_ThrowsUnauthenticatedPermissionsDenied()
    {
        ScriptedHandler transport = new ScriptedHandler().Respond(HttpStatusCode.Unauthorized, """{"code":"unauthenticated","msg":"permissions denied"}""");
        using LiveKitTestHost host = new(Server, transport);

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.DeleteRoomAsync("conf-1"));

        Assert.That(error!.ServerMessage, Is.EqualTo("permissions denied"));
    }

    [Test]
    public void Call_WhenTransportFails_ThrowsUnavailableWithoutStatus()
    {
        ScriptedHandler transport = new() { Fallback = static () => throw new HttpRequestException("connection refused") };
        using LiveKitTestHost host = new(Server, transport, o => o.MaxRetryAttempts = 1);

        LiveKitException? error = Assert.ThrowsAsync<LiveKitException>(() => host.Rooms.ListRoomsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(TwirpErrorCodes.Unavailable));
            Assert.That(error.HttpStatus, Is.Null);
            Assert.That(error.InnerException, Is.TypeOf<HttpRequestException>());
        });
    }

    [TestCase("invalid_argument", HttpStatusCode.BadRequest)]
    [TestCase("malformed", HttpStatusCode.BadRequest)]
    [TestCase("unauthenticated", HttpStatusCode.Unauthorized)]
    [TestCase("permission_denied", HttpStatusCode.Forbidden)]
    [TestCase("bad_route", HttpStatusCode.NotFound)]
    [TestCase("deadline_exceeded", HttpStatusCode.RequestTimeout)]
    [TestCase("already_exists", HttpStatusCode.Conflict)]
    [TestCase("failed_precondition", HttpStatusCode.PreconditionFailed)]
    [TestCase("resource_exhausted", HttpStatusCode.TooManyRequests)]
    [TestCase("data_loss", HttpStatusCode.InternalServerError)]
    [TestCase("unimplemented", HttpStatusCode.NotImplemented)]
    [TestCase("unavailable", HttpStatusCode.ServiceUnavailable)]
    public void ToHttpStatus_ForEachTwirpCode_MatchesTwirpTable(string code, HttpStatusCode expected)
    {
        Assert.That(TwirpErrorCodes.ToHttpStatus(code), Is.EqualTo(expected));
    }
}
