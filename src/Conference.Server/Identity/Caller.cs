using System.Security.Claims;
using Conference.Domain.Participants;

namespace Conference.Server.Identity;

/// <summary>
/// Who is calling, as far as access decisions are concerned: the organizer (key holder), or a
/// participant of one conference with their roles (from a session token), or nobody.
/// </summary>
public sealed record Caller(
    bool IsAuthenticated,
    bool IsOrganizer,
    Guid? ConferenceId = null,
    Guid? ParticipantId = null,
    ParticipantRoles Roles = ParticipantRoles.None)
{
    public static readonly Caller Anonymous = new(false, false);

    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return Anonymous;
        }

        // Only the organizer-key scheme makes an organizer, whatever a token's claims say.
        if (identity.AuthenticationType == OrganizerKeyAuthenticationHandler.SchemeName)
        {
            return new Caller(true, user.IsInRole(Identity.Roles.Organizer));
        }

        var conference = Guid.TryParse(user.FindFirst(SessionClaims.Conference)?.Value, out var c) ? c : (Guid?)null;
        var participant = Guid.TryParse(user.FindFirst(SessionClaims.Participant)?.Value, out var p) ? p : (Guid?)null;
        var roles = RoleNames.ParseAll(user.FindAll(SessionClaims.Role).Select(r => r.Value)) ?? ParticipantRoles.None;
        return new Caller(true, false, conference, participant, roles);
    }
}

public static class Roles
{
    public const string Organizer = "organizer";
}

/// <summary>Claim names inside a session token, short because the token travels in every request.</summary>
public static class SessionClaims
{
    public const string Conference = "conference";
    public const string Participant = "sub";
    public const string Role = "role";
    public const string Invitation = "inv";
    public const string Name = "name";
}

public interface ICallerAccessor
{
    Caller Current { get; }
}

/// <summary>Reads the caller from the current HTTP request or hub connection.</summary>
public sealed class HttpCallerAccessor(IHttpContextAccessor http) : ICallerAccessor
{
    public Caller Current => Caller.From(http.HttpContext?.User);
}
