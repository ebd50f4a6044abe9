using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Conference.LiveKit;

/// <summary>
/// Compact HS256 JWS, hand-rolled because LiveKit only ever uses HS256 and a JWT package would bring
/// a second set of validation rules to reason about.
/// </summary>
internal static class Jwt
{
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public static string Sign(byte[] payloadJson, string secret)
    {
        string signingInput = EncodedHeader + "." + Base64Url.EncodeToString(payloadJson);
        byte[] signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Checks structure, algorithm and signature; returns the raw payload JSON.</summary>
    public static byte[] VerifySignature(string token, string secret)
    {
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new LiveKitTokenException("The token is not a compact JWS with three parts.");
        }

        string algorithm = ReadAlgorithm(Decode(parts[0], "header"));
        if (!string.Equals(algorithm, "HS256", StringComparison.Ordinal))
        {
            throw new LiveKitTokenException($"The token algorithm '{algorithm}' is not allowed; only HS256 is.");
        }

        byte[] signature = Decode(parts[2], "signature");
        byte[] expected = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(signature, expected))
        {
            throw new LiveKitTokenException("The token signature is invalid.");
        }

        return Decode(parts[1], "payload");
    }

    private static byte[] Decode(string part, string what)
    {
        try
        {
            return Base64Url.DecodeFromChars(part);
        }
        catch (FormatException ex)
        {
            throw new LiveKitTokenException($"The token {what} is not base64url.", ex);
        }
    }

    private static string ReadAlgorithm(byte[] headerJson)
    {
        try
        {
            using JsonDocument header = JsonDocument.Parse(headerJson);
            return header.RootElement.ValueKind == JsonValueKind.Object
                && header.RootElement.TryGetProperty("alg", out JsonElement alg)
                && alg.ValueKind == JsonValueKind.String
                ? alg.GetString()!
                : throw new LiveKitTokenException("The token header has no algorithm.");
        }
        catch (JsonException ex)
        {
            throw new LiveKitTokenException("The token header is not JSON.", ex);
        }
    }
}
