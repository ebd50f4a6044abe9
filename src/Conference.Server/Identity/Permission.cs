namespace Conference.Server.Identity;

/// <summary>
/// What a request needs the caller to be allowed to do. Who holds which permission is decided
/// in <see cref="AccessPolicy"/> only.
/// </summary>
public enum Permission
{
    /// <summary>Create, change and delete conferences and their programs.</summary>
    ManagePrograms,

    /// <summary>Add, change, import and delete participants; invite them; open registration.</summary>
    ManageParticipants,

    /// <summary>Read the participant list of a conference.</summary>
    ViewParticipants,

    /// <summary>Drive the live show: start, advance, pause, adjust time, send host messages.</summary>
    DriveShow,

    /// <summary>Queue, approve and play video appeals and awards during the show.</summary>
    ManageAppeals,

    /// <summary>Watch the live show state of a conference.</summary>
    ViewShow,

    /// <summary>Join a conference's live session (hub groups, media room).</summary>
    JoinConference,

    /// <summary>See who is connected now and the join/leave log.</summary>
    ViewAttendance,

    /// <summary>See whether the call matches the show (media in sync, pending or degraded).</summary>
    ViewMediaStatus,

    /// <summary>Read segment notes (cues for the people on stage); the public program leaves them out.</summary>
    ViewSegmentNotes,

    /// <summary>Read the post-event report (program as run, attendance, awards, media incidents).</summary>
    ViewReport,
}

/// <summary>
/// The one permission a request needs, declared on the request type; the authorization behavior
/// checks it before validation or handling. Every request declares this or
/// <see cref="AllowAnonymousRequestAttribute"/> (a test enforces it, and an undeclared request is refused).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class RequiresAttribute(Permission permission) : Attribute
{
    public Permission Permission { get; } = permission;
}

/// <summary>A request anyone may send, signed in or not (redeeming a join link, registering).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class AllowAnonymousRequestAttribute : Attribute;

/// <summary>
/// A request about one conference: access is checked against it. The id comes from the route or the
/// hub argument, never from a body.
/// </summary>
public interface IConferenceRequest
{
    Guid ConferenceId { get; }
}

/// <summary>The caller may not do this: 401 when nobody is signed in, 403 otherwise.</summary>
public sealed class AccessDeniedException(string message, bool authenticated) : Exception(message)
{
    public bool Authenticated { get; } = authenticated;
}
