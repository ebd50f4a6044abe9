using Conference.Domain.Programs;
using Conference.Server.Live;
using Conference.Server.Persistence;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// <see cref="AppealPlayout"/> pushes AppealQueueChanged only when the block changes, so a client joining (or
/// reconnecting) in the middle of an appeal is told here who it is from. Only while an appeals segment is on air:
/// other joins cost nothing.
/// </summary>
/// <remarks>A class of its own, not part of AppealPlayout: it reads the show from the coordinator, which holds the playout as an observer.</remarks>
public sealed class AppealJoinNotice(ShowCoordinator coordinator, IServiceScopeFactory scopes, AppealVideoLinks links) : IConferenceJoinObserver
{
    public async Task JoinedAsync(ShowSnapshot snapshot, IConferenceClient caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(caller);
        var current = snapshot.Program.Segments.FirstOrDefault(s => s.Id == snapshot.Show.CurrentSegmentId);
        if (current?.Kind != SegmentKind.VideoAppeals)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var (_, program, state) = await coordinator.ReadAsync(db, snapshot.ConferenceId, cancellationToken);
        if (await AppealPlayout.NoticeAsync(db, links, snapshot.ConferenceId, state, program, cancellationToken) is { } notice)
        {
            await caller.AppealQueueChanged(notice);
        }
    }
}
