using System.Security.Claims;
using Conference.Domain.Participants;
using Conference.Server.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Identity;

/// <summary>
/// Whether a session is still good now: its invitation usable, its participant still in the
/// conference. Checked on every HTTP request and on every authorized hub call, so revoking a link or
/// removing a person takes effect at once, even on a connection that is already open.
/// </summary>
public static class SessionValidity
{
    public const string Expired = "The session has expired. Open your invitation link again, or ask the organizer for a new one.";
    public const string Revoked = "The session was revoked: your join link was withdrawn. Ask the organizer for a new one.";

    /// <summary>Where the reason a presented session was refused is kept for the request's 401.</summary>
    public const string RefusalItem = "session-refusal";

    /// <summary>
    /// The principal with its roles narrowed to those the participant still holds (a role taken away
    /// is gone at once; a role added needs a new token), or the reason it is no longer valid.
    /// </summary>
    public static async Task<(ClaimsPrincipal? Principal, string? Refusal)> ConfirmAsync(
        ClaimsPrincipal principal, ConferenceDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(db);
        if (!Guid.TryParse(principal.FindFirst(SessionClaims.Invitation)?.Value, out var invitationId)
            || !Guid.TryParse(principal.FindFirst(SessionClaims.Participant)?.Value, out var participantId)
            || !Guid.TryParse(principal.FindFirst(SessionClaims.Conference)?.Value, out var conferenceId))
        {
            return (null, "The session token lacks its claims.");
        }

        // One round trip: this runs on every request and every hub call of thousands of participants.
        var found = await (
                from invitation in db.Invitations.AsNoTracking()
                join participant in db.Participants.AsNoTracking() on invitation.ParticipantId equals participant.Id
                where invitation.Id == invitationId && participant.Id == participantId && participant.ConferenceId == conferenceId
                select new { Invitation = invitation, participant.Roles })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, "The session was revoked: you are no longer a participant of this conference.");
        }

        switch (found.Invitation.StatusAt(now))
        {
            case InvitationStatus.Revoked:
                return (null, Revoked);
            case InvitationStatus.Expired:
                return (null, Expired);
        }

        // A hub connection keeps the principal it opened with, so its token's own expiry is checked here too.
        if (long.TryParse(
                principal.FindFirst("exp")?.Value,
                System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture,
                out var exp)
            && now.ToUnixTimeSeconds() >= exp)
        {
            return (null, Expired);
        }

        var tokenRoles = RoleNames.ParseAll(principal.FindAll(SessionClaims.Role).Select(c => c.Value)) ?? ParticipantRoles.None;
        var effective = tokenRoles & found.Roles;
        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type != SessionClaims.Role)
                .Concat(RoleNames.ToNames(effective).Select(r => new Claim(SessionClaims.Role, r))),
            JwtBearerDefaults.AuthenticationScheme, SessionClaims.Name, SessionClaims.Role);
        return (new ClaimsPrincipal(identity), null);
    }

    /// <summary>True for a participant's session (not the organizer key, not anonymous).</summary>
    public static bool IsSession(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, AuthenticationType: JwtBearerDefaults.AuthenticationScheme };
}
