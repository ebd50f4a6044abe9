using Conference.Domain.Appeals;
using Conference.Domain.Show;
using Conference.Server.Live;
using Conference.Server.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// Tells everyone in the conference what the appeals block is playing whenever a show change touches it:
/// an appeal started or ended, the queue or the show paused or resumed, the block began or ended.
/// </summary>
public sealed class AppealPlayout(IServiceScopeFactory scopes, IHubContext<ConferenceHub, IConferenceClient> hub, AppealVideoLinks links)
    : IShowCommitObserver
{
    public async Task ShowCommittedAsync(Guid conferenceId, ShowState before, ShowState after, IReadOnlyList<ShowEvent> events, ShowProgram program)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(program);
        var segment = SegmentClock.CurrentSegment(after, program);
        var queued = RunOfShow.InQueueMode(after, segment);
        var wasQueued = RunOfShow.InQueueMode(before, SegmentClock.CurrentSegment(before, program));
        if (!queued && !wasQueued)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var notice = await NoticeAsync(db, links, conferenceId, after, program, CancellationToken.None)
            ?? new AppealQueueNotice(conferenceId, before.CurrentSegmentId!.Value, null, null, 0, false, 0, null, after.Revision);
        await hub.Clients.Group(LiveGroups.Conference(conferenceId)).AppealQueueChanged(notice);
    }

    /// <summary>The block on air as a notice, or null when no queue segment runs (also for a snapshot on joining).</summary>
    public static async Task<AppealQueueNotice?> NoticeAsync(
        ConferenceDbContext db, AppealVideoLinks links, Guid conferenceId, ShowState state, ShowProgram program, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(state);
        var segment = SegmentClock.CurrentSegment(state, program);
        if (segment is null || !RunOfShow.InQueueMode(state, segment) || state.LastEventAt is not { } at)
        {
            return null;
        }

        var pending = RunOfShow.PendingCues(state, segment);
        var ids = pending.Take(1).Select(c => c.Id).Append(state.CueId ?? Guid.Empty).ToList();
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.ConferenceId == conferenceId && ids.Contains(a.Id)).ToListAsync(cancellationToken);
        AppealCaption? Caption(Guid? id, DateTimeOffset? startedAt) =>
            appeals.Find(a => a.Id == id) is { } appeal ? CaptionOf(links, conferenceId, appeal, startedAt) : null;

        var now = Caption(state.CueId, state.CueStartedAt);
        var next = pending.Count > 0 ? Caption(pending[0].Id, null) : null;
        var paused = SegmentClock.PausedSoFar(state, at) - state.CuePausedBase;
        return new AppealQueueNotice(
            conferenceId, segment.Id, now, next, pending.Count, state.QueueHeld, state.CueId is null ? 0 : paused.TotalSeconds,
            state.Status == ShowStatus.Paused ? null : SegmentClock.Deadline(state, program, at), state.Revision);
    }

    private static AppealCaption CaptionOf(AppealVideoLinks links, Guid conferenceId, Appeal appeal, DateTimeOffset? startedAt)
    {
        // Anchored to the appeal's own end, so every notice about it carries the same address.
        var expires = (startedAt ?? DateTimeOffset.UnixEpoch) + appeal.Video.Duration + links.Lifetime;
        return new AppealCaption(
            appeal.Id, appeal.SenderName, appeal.SenderKind, appeal.Country, appeal.Language, appeal.Title,
            appeal.Video.Duration.TotalSeconds, startedAt, startedAt is null ? null : links.Sign(conferenceId, appeal.Id, expires));
    }
}
