using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Conference.Server.Identity;

public sealed class OrganizerKeyOptions : AuthenticationSchemeOptions
{
    public string? Key { get; set; }
}

/// <summary>
/// Accepts <c>Authorization: Bearer &lt;Auth:OrganizerKey&gt;</c> (or <c>access_token</c> on hub paths)
/// as the organizer, and an organizer session token issued for that key (<see cref="OrganizerSessions"/>).
/// A different credential is left unauthenticated; the key itself is never logged.
/// </summary>
public sealed class OrganizerKeyAuthenticationHandler(
    IOptionsMonitor<OrganizerKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, OrganizerSessions sessions)
    : AuthenticationHandler<OrganizerKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "OrganizerKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerCredential.Read(Request) is not { } credential || string.IsNullOrEmpty(Options.Key))
        {
            return AuthenticateResult.NoResult();
        }

        if (BearerCredential.IsJwt(credential))
        {
            return await sessions.IsValidAsync(credential, Options.Key)
                ? AuthenticateResult.Success(new AuthenticationTicket(OrganizerSessions.Principal(SchemeName), SchemeName))
                : AuthenticateResult.NoResult();
        }

        // Comparing hashes keeps the comparison constant-time even in the key's length.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(credential));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(Options.Key));
        return CryptographicOperations.FixedTimeEquals(presented, expected)
            ? AuthenticateResult.Success(new AuthenticationTicket(OrganizerSessions.Principal(SchemeName), SchemeName))
            : AuthenticateResult.NoResult();
    }
}
