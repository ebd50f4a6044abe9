using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Conference.LiveKit.Tests.Support;

/// <summary>Hand-crafts JWTs the library would never mint (no exp, alg none, other algorithms) for negative tests.</summary>
internal static class RawJwt
{
    public static string Hs256(JsonObject payload, string secret, string header = """{"alg":"HS256","typ":"JWT"}""")
    {
        string signingInput = Encode(header) + "." + Encode(payload.ToJsonString());
        byte[] signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    public static string Unsigned(JsonObject payload) =>
        Encode("""{"alg":"none","typ":"JWT"}""") + "." + Encode(payload.ToJsonString()) + ".";

    public static JsonObject Payload(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
