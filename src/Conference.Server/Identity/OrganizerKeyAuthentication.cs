using System.Security.Claims;
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
/// Accepts <c>Authorization: Bearer &lt;Auth:OrganizerKey&gt;</c> as the organizer. A different
/// bearer token is left to other schemes; the key itself is never logged. Under <c>/hubs</c> the key
/// may also come as the <c>access_token</c> query parameter, because browsers cannot set headers on WebSockets.
/// </summary>
public sealed class OrganizerKeyAuthenticationHandler(
    IOptionsMonitor<OrganizerKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<OrganizerKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "OrganizerKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : Request.Path.StartsWithSegments("/hubs") ? Request.Query["access_token"].ToString() : string.Empty;
        if (token.Length == 0 || string.IsNullOrEmpty(Options.Key))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(token);
        var expected = Encoding.UTF8.GetBytes(Options.Key);
        if (!CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "organizer"), new Claim(ClaimTypes.Role, Roles.Organizer)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
