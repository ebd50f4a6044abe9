using Conference.Domain.Appeals;

namespace Conference.Contracts;

/// <summary>One appeal as the live block shows it: who it is from, and the video to play.</summary>
/// <param name="AppealId">The appeal.</param>
/// <param name="SenderName">The person or organization it is from.</param>
/// <param name="SenderKind">person or organization.</param>
/// <param name="Country">The sender's country (ISO 3166-1 alpha-2).</param>
/// <param name="Language">The language spoken in it.</param>
/// <param name="Title">Its title.</param>
/// <param name="DurationSeconds">Its length, read from the file.</param>
/// <param name="StartedAt">When it went on air (null for the next one): a client playing it seeks to now − startedAt − pausedSince.</param>
/// <param name="VideoUrl">A short-lived signed address of the video (HTTP range requests), for clients that play it themselves.</param>
public sealed record AppealCaption(
    Guid AppealId,
    string SenderName,
    SenderKind SenderKind,
    string Country,
    string Language,
    string Title,
    double DurationSeconds,
    DateTimeOffset? StartedAt,
    string? VideoUrl);

/// <summary>
/// The appeals block on air, sent to everyone when an appeal starts or ends, the queue is paused or resumed,
/// or the show pauses. Hosts and producers show now / next / time left; participants show who it is from.
/// </summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="SegmentId">The video-appeals segment.</param>
/// <param name="NowPlaying">The appeal on air, or null between appeals and when the block has ended.</param>
/// <param name="Next">The appeal after it, or null after the last.</param>
/// <param name="Waiting">How many appeals wait after the one on air.</param>
/// <param name="QueuePaused">The producer paused the queue: what plays finishes, nothing starts after it.</param>
/// <param name="PausedTotalSeconds">Show pauses since the appeal on air started (its position is now − startedAt − this).</param>
/// <param name="BlockEndsAt">When the block ends if nothing changes (null when it has ended); time left = blockEndsAt − now.</param>
/// <param name="Revision">The show revision this describes.</param>
public sealed record AppealQueueNotice(
    Guid ConferenceId,
    Guid SegmentId,
    AppealCaption? NowPlaying,
    AppealCaption? Next,
    int Waiting,
    bool QueuePaused,
    double PausedTotalSeconds,
    DateTimeOffset? BlockEndsAt,
    int Revision);

/// <summary>
/// Pushed to hosts and producers (and the organizer) when the conference's appeal queue was edited: an appeal added,
/// replaced through its submission link, reviewed, edited, reordered, moved or removed. It carries no appeal, only
/// the queue's new revision: a console that holds an older one reads the queue again.
/// </summary>
/// <param name="ConferenceId">The conference.</param>
/// <param name="Revision">The appeal queue's revision after the edit (as in <c>GET /api/conferences/{id}/appeals</c>).</param>
public sealed record AppealsEditedNotice(Guid ConferenceId, int Revision);
