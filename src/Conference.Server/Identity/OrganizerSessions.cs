using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conference.Server.Identity;

/// <summary>
/// The organizer's browser session: the organizer key is exchanged once for a signed token, and the
/// browser keeps the token, never the key. The token names a fingerprint of the key it was issued
/// for, so rotating <c>Auth:OrganizerKey</c> ends every organizer session at once.
/// </summary>
public sealed class OrganizerSessions(IOptions<SessionSettings> settings, TimeProvider time)
{
    /// <summary>An audience of its own, so a participant's token can never pass as the organizer's or the other way round.</summary>
    public const string Audience = "conference-organizer";

    public const string KeyFingerprintClaim = "kf";

    /// <summary>Long enough for a working day of editing and a show; short enough that a forgotten browser does not stay an organizer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private static readonly JsonWebTokenHandler Handler = new();

    public IssuedSession Issue(string organizerKey)
    {
        var now = time.GetUtcNow();
        var expires = now + Lifetime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SessionTokens.Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SessionTokens.SigningKey(settings.Value), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [KeyFingerprintClaim] = Fingerprint(organizerKey),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
        return new IssuedSession(token, expires);
    }

    /// <summary>True when the token is an organizer session token (by its unverified audience), so it is routed to the organizer scheme.</summary>
    public static bool LooksLikeOrganizerSession(string token)
    {
        try
        {
            return new JsonWebToken(token).Audiences.Contains(Audience);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether the token is a valid organizer session for the key configured now.</summary>
    public async Task<bool> IsValidAsync(string token, string organizerKey)
    {
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = SessionTokens.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = SessionTokens.SigningKey(settings.Value),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } end && now < end && (notBefore is null || notBefore <= now);
            },
        });
        return result.IsValid
            && result.ClaimsIdentity.FindFirst(KeyFingerprintClaim)?.Value is { } fingerprint
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(fingerprint), Encoding.ASCII.GetBytes(Fingerprint(organizerKey)));
    }

    /// <summary>Not the key: a keyed hash of it, so the token reveals nothing about the key even to someone who reads it.</summary>
    private string Fingerprint(string organizerKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(settings.Value.SigningKeyBytes, Encoding.UTF8.GetBytes(organizerKey)))[..32];

    public static ClaimsPrincipal Principal(string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "organizer"), new Claim(ClaimTypes.Role, Roles.Organizer)], scheme));
}
