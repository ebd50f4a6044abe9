using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Invitations;

/// <summary>An invitation as its participant receives it. The code is shown this once and never again.</summary>
public sealed record InvitationLink(
    Guid InvitationId, Guid ParticipantId, string DisplayName, string? Email, string Code, string JoinUrl, DateTimeOffset? ExpiresAt);

/// <summary>
/// Builds join links. The code goes in the URL fragment (<c>#code=</c>), which browsers never
/// send to a server, so it cannot end up in any web server's or proxy's access log.
/// The page is <c>Auth:JoinLinkBase</c>, else <c>Auth:PublicBaseUrl</c> + <c>/join</c>; never the request's
/// Host header, which whoever calls chooses (a link to their own site, carrying a real code, would be phishing
/// made easy). Without either, Production refuses to issue links; elsewhere the server's own listening address is used.
/// </summary>
public sealed class JoinLinks(IOptions<SessionSettings> options, IHostEnvironment environment, IServer server)
{
    public string For(string code) => $"{Page()}#code={Uri.EscapeDataString(code)}";

    private string Page()
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.JoinLinkBase))
        {
            return settings.JoinLinkBase;
        }

        if (!string.IsNullOrWhiteSpace(settings.PublicBaseUrl))
        {
            return $"{settings.PublicBaseUrl.TrimEnd('/')}/join";
        }

        if (environment.IsProduction())
        {
            throw new ServiceNotConfiguredException(
                "Join links cannot be issued: set Auth:PublicBaseUrl (or Auth:JoinLinkBase) to the address participants open.");
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => !a.Contains('*', StringComparison.Ordinal) && !a.Contains("[::]", StringComparison.Ordinal));
        return $"{(listening ?? "http://localhost:5080").TrimEnd('/')}/join";
    }

    /// <summary>Makes an invitation with a fresh code; the caller stores the invitation and hands the link out.</summary>
    public (Invitation Invitation, InvitationLink Link) Create(Participant participant, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var code = SessionTokens.NewInvitationCode();
        var invitation = Invitation.Create(Guid.NewGuid(), participant.ConferenceId, participant.Id, SessionTokens.HashInvitationCode(code), now, expiresAt);
        return (invitation, new InvitationLink(
            invitation.Id, participant.Id, participant.DisplayName, participant.Email, code, For(code), invitation.ExpiresAt));
    }
}

/// <summary>An invitation as the organizer sees it later: state, never the code.</summary>
public sealed record InvitationDto(
    Guid Id, Guid ParticipantId, InvitationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? LastRedeemedAt, int RedeemedCount)
{
    public static InvitationDto From(Invitation i, DateTimeOffset now) =>
        new(i.Id, i.ParticipantId, i.StatusAt(now), i.CreatedAt, i.ExpiresAt, i.RevokedAt, i.LastRedeemedAt, i.RedeemedCount);
}
