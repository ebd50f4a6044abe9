using Conference.Domain.Programs;
using Conference.Domain.Show;
using Conference.Server.Live;
using Conference.Server.Persistence;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Features.Awards;

/// <summary>
/// The live call-up: when an awards ceremony starts (cue 0) or its cue moves, everyone in the
/// conference is told whom it calls, from the segment's award list in call-up order. A cue past the
/// end of the list calls nobody and announces nothing. The floor follows from the same cue in the
/// media rules (see <see cref="Domain.Media.MediaPlan"/>), nudged by the coordinator as for any change.
/// </summary>
public sealed class AwardCallUp(IServiceScopeFactory scopes, IHubContext<ConferenceHub, IConferenceClient> hub) : IShowCommitObserver
{
    public async Task ShowCommittedAsync(Guid conferenceId, ShowState before, ShowState after, IReadOnlyList<ShowEvent> events, ShowProgram program)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(program);
        if (after.CurrentSegmentId is not { } segmentId
            || program.Find(segmentId) is not { Kind: SegmentKind.AwardsCeremony }
            || !events.Any(e => e is CueAdvanced c && c.SegmentId == segmentId || e is SegmentStarted s && s.SegmentId == segmentId))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var award = await db.AwardOfSegmentAsync(conferenceId, segmentId, CancellationToken.None);
        if (award?.AtCue(after.CueIndex) is not { } recipient)
        {
            return;
        }

        var call = CallOf(award, after.CueIndex, recipient, after.LastEventAt ?? events[^1].At, after.Revision);
        await hub.Clients.Group(LiveGroups.Conference(conferenceId)).AwardeeCalled(call);
    }

    public static AwardeeCall CallOf(Domain.Awards.Award award, int cueIndex, Domain.Awards.AwardRecipient recipient, DateTimeOffset at, int revision)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(recipient);
        return new AwardeeCall(
            award.ConferenceId, award.SegmentId, award.Id, award.Name, cueIndex, award.Recipients.Count,
            recipient.ParticipantId, recipient.Name, recipient.Country, recipient.Citation, recipient.PhotoUrl, at, revision);
    }
}
