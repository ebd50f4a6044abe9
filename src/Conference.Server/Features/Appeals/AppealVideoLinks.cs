using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// Short-lived signed addresses of appeal videos, so participants' players (and the media server's ingress)
/// can fetch a file without a session header, and nobody else can. The key is derived from the session
/// signing key, so every node of a scale-out accepts what another signed.
/// </summary>
public sealed class AppealVideoLinks(IOptions<SessionSettings> sessions, IOptions<AppealOptions> appeals)
{
    public TimeSpan Lifetime => appeals.Value.SignedUrlLifetime;

    /// <summary>
    /// The signed address of the appeal on air, for the media director: clients play it (client playout), or the
    /// media server pulls it (ingress), which needs Auth:PublicBaseUrl to make it absolute.
    /// </summary>
    public async Task<Uri?> OnAirAsync(ConferenceDbContext db, Guid conferenceId, Domain.Show.ShowState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(state);
        if (state.CueId is not { } appealId || state.CueStartedAt is not { } startedAt)
        {
            return null;
        }

        var duration = await db.Appeals.AsNoTracking().Where(a => a.Id == appealId && a.ConferenceId == conferenceId)
            .Select(a => (TimeSpan?)a.Video.Duration).SingleOrDefaultAsync(cancellationToken);
        if (duration is null)
        {
            return null;
        }

        var path = Sign(conferenceId, appealId, startedAt + duration.Value + Lifetime);
        var publicBase = sessions.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(publicBase)
            ? new Uri(path, UriKind.Relative)
            : new Uri(new Uri(publicBase.TrimEnd('/') + "/"), path.TrimStart('/'));
    }

    /// <summary>The address, relative to the server; the same inputs give the same address (the director compares them).</summary>
    public string Sign(Guid conferenceId, Guid appealId, DateTimeOffset expires)
    {
        var unix = expires.ToUnixTimeSeconds();
        var expiresText = unix.ToString(CultureInfo.InvariantCulture);
        return $"/api/appeal-videos/{appealId}?conference={conferenceId}&expires={expiresText}&signature={Signature(conferenceId, appealId, unix)}";
    }

    public bool IsValid(Guid conferenceId, Guid appealId, long expires, string? signature, DateTimeOffset now) =>
        signature is not null
        && expires >= now.ToUnixTimeSeconds()
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(conferenceId, appealId, expires)), Encoding.ASCII.GetBytes(signature));

    private string Signature(Guid conferenceId, Guid appealId, long expires)
    {
        var key = HMACSHA256.HashData(sessions.Value.SigningKeyBytes, "appeal-video-links"u8);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{conferenceId:N}/{appealId:N}/{expires}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
