namespace Conference.Server.Identity;

/// <summary>What a request needs the caller to be allowed to do.</summary>
public enum Permission
{
    /// <summary>Create, change and delete conferences and their programs.</summary>
    ManagePrograms,

    /// <summary>Drive the live show of a conference: start, next, pause, cues, messages.</summary>
    DriveShow,

    /// <summary>Join a conference's live channel and read its show.</summary>
    JoinConference,
}

/// <summary>A request that the authorization behavior checks before anything else.</summary>
public interface IAuthorizedRequest
{
    Permission RequiredPermission { get; }

    /// <summary>The conference acted on, or null for a request not bound to one (creating a conference).</summary>
    Guid? ConferenceId { get; }
}

/// <summary>The caller may not do this: 401 when nobody is signed in, 403 otherwise.</summary>
public sealed class AccessDeniedException(string message, bool authenticated) : Exception(message)
{
    public bool Authenticated { get; } = authenticated;
}
