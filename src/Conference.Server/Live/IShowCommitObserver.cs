using Conference.Domain.Show;

namespace Conference.Server.Live;

/// <summary>
/// Told of every committed show change after it was broadcast (the awards call-up announces the
/// recipient at the new cue). It runs inside the conference's gate, so observers hear of changes in
/// commit order (two quick cue moves are announced in the order they happened); keep it short. An
/// observer's failure is logged by the coordinator and never undoes the change: the events are already durable.
/// </summary>
public interface IShowCommitObserver
{
    Task ShowCommittedAsync(Guid conferenceId, ShowState before, ShowState after, IReadOnlyList<ShowEvent> events, ShowProgram program);
}
