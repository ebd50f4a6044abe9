using System.Security.Cryptography;
using System.Text;
using Conference.Domain.Participants;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conference.Server.Identity;

/// <summary>A signed session token and when it stops working.</summary>
public sealed record IssuedSession(string Token, DateTimeOffset ExpiresAt);

/// <summary>Issues session tokens (JWT, HS256) and makes and hashes invitation codes.</summary>
public sealed class SessionTokens(IOptions<SessionSettings> options, TimeProvider time)
{
    public const string Issuer = "conference-server";
    public const string Audience = "conference";

    private static readonly JsonWebTokenHandler Handler = new();

    public IssuedSession Issue(Participant participant, Invitation invitation)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.SessionLifetime;
        if (invitation.ExpiresAt is { } end && end < expires)
        {
            expires = end;
        }

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(options.Value), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [SessionClaims.Participant] = participant.Id.ToString(),
                [SessionClaims.Conference] = participant.ConferenceId.ToString(),
                [SessionClaims.Invitation] = invitation.Id.ToString(),
                [SessionClaims.Name] = participant.DisplayName,
                [SessionClaims.Role] = RoleNames.ToNames(participant.Roles).ToArray(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
        return new IssuedSession(token, expires);
    }

    public static SymmetricSecurityKey SigningKey(SessionSettings options) => new(options.SigningKeyBytes);

    /// <summary>256 random bits, URL-safe: unguessable, and short enough to paste.</summary>
    public static string NewInvitationCode() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// SHA-256 is enough for a 256-bit random code (nothing to brute-force, unlike a password),
    /// and it lets the code be found by an indexed lookup of its hash.
    /// </summary>
    public static string HashInvitationCode(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
