namespace Conference.Domain.Participants;

/// <summary>Where a presence was seen: a hub connection, or the media provider's webhook.</summary>
public enum AttendanceSource
{
    Hub,
    Media,
}

/// <summary>
/// One stay of one participant in a conference, from join to leave. Country and roles are
/// copied at join time so the post-event report shows who they were then.
/// </summary>
public sealed class AttendanceRecord
{
    private AttendanceRecord(
        Guid id, Guid conferenceId, Guid participantId, string connectionId, AttendanceSource source, string country, ParticipantRoles roles,
        DateTimeOffset joinedAt)
    {
        Id = id;
        ConferenceId = conferenceId;
        ParticipantId = participantId;
        ConnectionId = connectionId;
        Source = source;
        Country = country;
        Roles = roles;
        JoinedAt = joinedAt;
    }

    public const int ConnectionIdMaxLength = 200;

    public Guid Id { get; private set; }
    public Guid ConferenceId { get; private set; }
    public Guid ParticipantId { get; private set; }

    /// <summary>The hub connection id or the media provider's participant session id.</summary>
    public string ConnectionId { get; private set; }

    public AttendanceSource Source { get; private set; }
    public string Country { get; private set; }
    public ParticipantRoles Roles { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsConnected => LeftAt is null;

    public static AttendanceRecord Join(
        Guid id, Guid conferenceId, Guid participantId, string connectionId, AttendanceSource source, string country, ParticipantRoles roles,
        DateTimeOffset now) =>
        new(id, conferenceId, participantId, connectionId, source, country, roles, now);

    /// <summary>A second leave for the same stay changes nothing: webhooks are delivered at least once.</summary>
    public void Leave(DateTimeOffset now) => LeftAt ??= now < JoinedAt ? JoinedAt : now;
}
