using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conference.LiveKit.Emulator;

/// <summary>What the emulator answers: a protobuf-JSON message, a Twirp error, or the auth layer's plain text.</summary>
internal sealed record TwirpResult(HttpStatusCode Status, string ContentType, string Body)
{
    /// <summary>Indented output stands in for the random spacing LiveKit's encoder inserts, so clients must not depend on byte layout.</summary>
    private static readonly JsonSerializerOptions ServerStyle = new() { WriteIndented = true };

    public static TwirpResult Ok(JsonNode message) =>
        new(HttpStatusCode.OK, "application/json", message.ToJsonString(ServerStyle));

    public static TwirpResult Error(string code, string message) =>
        new(TwirpErrorCodes.ToHttpStatus(code), "application/json", new JsonObject { ["code"] = code, ["msg"] = message }.ToJsonString());

    public static TwirpResult NotFound(string what) => Error(TwirpErrorCodes.NotFound, $"{what} not found");

    public static TwirpResult PermissionsDenied() => Error(TwirpErrorCodes.Unauthenticated, "permissions denied");

    public static TwirpResult PlainUnauthorized(string reason) =>
        new(HttpStatusCode.Unauthorized, "text/plain; charset=utf-8", reason);
}
