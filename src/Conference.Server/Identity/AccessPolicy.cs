namespace Conference.Server.Identity;

/// <summary>The one place that decides who may do what.</summary>
public static class AccessPolicy
{
    public static bool Allows(Caller caller, Permission permission, Guid? conferenceId) => permission switch
    {
        Permission.ManagePrograms or Permission.DriveShow or Permission.JoinConference => caller.IsOrganizer,
        _ => false,
    };

    public static void Demand(Caller caller, Permission permission, Guid? conferenceId)
    {
        if (Allows(caller, permission, conferenceId))
        {
            return;
        }

        throw caller.IsAuthenticated
            ? new AccessDeniedException("Your role does not allow this action.", authenticated: true)
            : new AccessDeniedException("Sign in first: send 'Authorization: Bearer <organizer key>'.", authenticated: false);
    }
}
