namespace Conference.Domain.Show;

/// <summary>
/// What a host (or the show's timer) asks of the show. Every command names the revision it
/// was based on, so two hosts pressing Next at once advance the show only once.
/// </summary>
public abstract record ShowCommand(int ExpectedRevision);

public sealed record StartShow(int ExpectedRevision) : ShowCommand(ExpectedRevision);

/// <summary>Ends the running segment and starts the next one in program order that has not run and is not skipped.</summary>
public sealed record NextSegment(int ExpectedRevision) : ShowCommand(ExpectedRevision);

/// <summary>
/// Ends the running segment and starts the named one. A segment that already ran starts a new run
/// (opened by mistake and reopened, or repeated): the timeline keeps both runs.
/// </summary>
public sealed record GoToSegment(int ExpectedRevision, Guid SegmentId) : ShowCommand(ExpectedRevision);

public sealed record PauseShow(int ExpectedRevision) : ShowCommand(ExpectedRevision);

public sealed record ResumeShow(int ExpectedRevision) : ShowCommand(ExpectedRevision);

/// <summary>Adds (positive) or takes (negative) time on the running segment.</summary>
public sealed record AdjustTime(int ExpectedRevision, TimeSpan Delta) : ShowCommand(ExpectedRevision);

/// <summary>Skips a segment: a future one is marked skipped; the running one ends and the next starts.</summary>
public sealed record SkipSegment(int ExpectedRevision, Guid SegmentId) : ShowCommand(ExpectedRevision);

/// <summary>Moves to the next cue of the running segment (next awardee, next appeal).</summary>
public sealed record AdvanceCue(int ExpectedRevision) : ShowCommand(ExpectedRevision);

/// <summary>Moves the running segment to a given cue (zero-based).</summary>
public sealed record SetCue(int ExpectedRevision, int CueIndex) : ShowCommand(ExpectedRevision);

/// <summary>Cuts the playing queue item (video appeal) short and plays the next one now, even while the queue is held.</summary>
public sealed record PlayNextCue(int ExpectedRevision) : ShowCommand(ExpectedRevision);

/// <summary>Skips a queue item of the running segment: the playing one stops, a waiting one will not play.</summary>
public sealed record SkipCue(int ExpectedRevision, Guid CueId) : ShowCommand(ExpectedRevision);

/// <summary>Pauses the queue: the playing item finishes, and nothing starts after it until the queue is resumed.</summary>
public sealed record HoldQueue(int ExpectedRevision) : ShowCommand(ExpectedRevision);

public sealed record ReleaseQueue(int ExpectedRevision) : ShowCommand(ExpectedRevision);

public sealed record SendMessage(int ExpectedRevision, MessageAudience Audience, string Text) : ShowCommand(ExpectedRevision);

public sealed record EndShow(int ExpectedRevision) : ShowCommand(ExpectedRevision);

/// <summary>
/// Returns the show to "not started" after a rehearsal (or a false start). The log is kept: what ran before
/// is marked as a rehearsal and is never counted in the live figures.
/// </summary>
public sealed record ResetShow(int ExpectedRevision) : ShowCommand(ExpectedRevision);

/// <summary>
/// Sent by the show's timer when the deadline it was armed for (<paramref name="DueAt"/>) has come.
/// The segment is closed at its deadline, not at the instant the timer happened to fire.
/// </summary>
public sealed record AutoAdvance(int ExpectedRevision, DateTimeOffset DueAt) : ShowCommand(ExpectedRevision);
