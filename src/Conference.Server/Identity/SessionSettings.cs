using System.Text;

namespace Conference.Server.Identity;

/// <summary>Settings of participant sessions, from the <c>Auth</c> section.</summary>
public sealed class SessionSettings
{
    public const string Section = "Auth";
    public const string SigningKeySetting = "Auth:SessionSigningKey";
    public const int MinimumKeyBytes = 32;

    /// <summary>HS256 key for session tokens, at least 32 bytes of UTF-8. Generated per start in Development.</summary>
    public string? SessionSigningKey { get; set; }

    /// <summary>How long a session token lasts; a token never outlives the invitation it came from.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The page that opens a join link, e.g. <c>https://conference.example.org/join</c>; the code is
    /// appended as <c>?code=</c>. Empty means this server's own <c>/join</c>.
    /// </summary>
    public string? JoinLinkBase { get; set; }

    /// <summary>
    /// This service's public address as participants reach it, e.g. <c>https://conference.example.org</c>.
    /// Join links are built from it (<c>/join</c>) when <see cref="JoinLinkBase"/> is empty, never from the
    /// request's Host header, which a caller chooses. Required in Production unless JoinLinkBase is set.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SessionSigningKey ?? "");

    /// <summary>Refuses settings the server must not run with, before it starts serving.</summary>
    public void Check()
    {
        if (SigningKeyBytes.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"{SigningKeySetting} must be at least {MinimumKeyBytes} bytes; generate one with 'openssl rand -base64 48'.");
        }

        foreach (var (name, value) in new[] { ("Auth:JoinLinkBase", JoinLinkBase), ("Auth:PublicBaseUrl", PublicBaseUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsAbsoluteHttpUrl(value))
            {
                throw new InvalidOperationException($"{name} must be an absolute http or https URL, e.g. https://conference.example.org.");
            }
        }

        if (SessionLifetime <= TimeSpan.Zero || SessionLifetime > TimeSpan.FromDays(30))
        {
            throw new InvalidOperationException("Auth:SessionLifetime must be between 00:00:01 and 30.00:00:00.");
        }
    }

    private static bool IsAbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
