using Conference.Domain.Participants;

namespace Conference.Server.Identity;

/// <summary>
/// The one place that decides who may do what. The organizer may do everything. A participant
/// acts only inside the conference their session token names, and only as their roles allow;
/// nothing that is not bound to a conference (creating one) is open to participants.
/// </summary>
public static class AccessPolicy
{
    private const ParticipantRoles Anyone =
        ParticipantRoles.Host | ParticipantRoles.Producer | ParticipantRoles.Speaker | ParticipantRoles.Awardee | ParticipantRoles.Attendee;

    /// <summary>The participant roles that hold each permission; absent means organizer only.</summary>
    private static readonly Dictionary<Permission, ParticipantRoles> Grants = new()
    {
        [Permission.ManagePrograms] = ParticipantRoles.None,

        // Organizer only: a producer who could add participants could hand themselves the host role.
        [Permission.ManageParticipants] = ParticipantRoles.None,
        [Permission.ViewParticipants] = ParticipantRoles.Host | ParticipantRoles.Producer,
        [Permission.DriveShow] = ParticipantRoles.Host,
        [Permission.ManageAppeals] = ParticipantRoles.Host | ParticipantRoles.Producer,
        [Permission.ViewShow] = Anyone,
        [Permission.JoinConference] = Anyone,
        [Permission.ViewAttendance] = ParticipantRoles.Host | ParticipantRoles.Producer,
        [Permission.ViewMediaStatus] = ParticipantRoles.Host | ParticipantRoles.Producer,
        [Permission.ViewSegmentNotes] = ParticipantRoles.Host | ParticipantRoles.Speaker,
        [Permission.ViewReport] = ParticipantRoles.Host | ParticipantRoles.Producer,
    };

    public static bool Allows(Caller caller, Permission permission, Guid? conferenceId)
    {
        if (caller.IsOrganizer)
        {
            return true;
        }

        return caller.IsAuthenticated
            && caller.ConferenceId is { } own
            && conferenceId == own
            && (Grants.GetValueOrDefault(permission) & caller.Roles) != ParticipantRoles.None;
    }

    public static void Demand(Caller caller, Permission permission, Guid? conferenceId)
    {
        if (Allows(caller, permission, conferenceId))
        {
            return;
        }

        if (!caller.IsAuthenticated)
        {
            throw new AccessDeniedException(
                "Sign in first: send 'Authorization: Bearer <session token or organizer key>'.", authenticated: false);
        }

        throw caller.ConferenceId is { } own && conferenceId is { } target && target != own
            ? new AccessDeniedException("Your session is for another conference.", authenticated: true)
            : new AccessDeniedException("Your role does not allow this action.", authenticated: true);
    }
}
