using Conference.Domain.Participants;
using Conference.Server.Identity;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Invitations;

/// <summary>An invitation as its participant receives it. The code is shown this once and never again.</summary>
public sealed record InvitationLink(
    Guid InvitationId, Guid ParticipantId, string DisplayName, string? Email, string Code, string JoinUrl, DateTimeOffset? ExpiresAt);

/// <summary>
/// Builds join links. The code goes in the URL fragment (<c>#code=</c>), which browsers never
/// send to a server, so it cannot end up in any web server's or proxy's access log.
/// </summary>
public sealed class JoinLinks(IOptions<SessionSettings> options, IHttpContextAccessor http)
{
    public string For(string code)
    {
        var configured = options.Value.JoinLinkBase;
        var request = http.HttpContext?.Request;
        var page = !string.IsNullOrWhiteSpace(configured) ? configured
            : request is null ? "/join"
            : $"{request.Scheme}://{request.Host}{request.PathBase}/join";
        return $"{page}#code={Uri.EscapeDataString(code)}";
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
