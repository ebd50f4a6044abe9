using Conference.Domain;
using Conference.Domain.Media;
using Conference.Domain.Participants;
using Conference.Domain.Programs;
using Conference.Domain.Show;
using Conference.Server.Features.Appeals;
using Conference.Server.Features.Awards;
using Conference.Server.Live;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Media;

/// <summary>
/// The director's view of a conference: the show as the coordinator holds it, the program, and
/// the people in its call as media members (identity = participant id; hosts and producers are crew).
/// </summary>
/// <remarks>
/// The coordinator tells media of changes through <see cref="MediaReconcileRequests"/> (which depends on nothing), so
/// taking the coordinator here makes no cycle. Each read uses its own database context: this is a singleton.
/// </remarks>
public sealed class ShowMediaSituations(ShowCoordinator coordinator, AppealVideoLinks appealLinks, IServiceScopeFactory scopes) : IMediaSituationSource
{
    /// <summary>The identity of the organizer when they join the call with the organizer key.</summary>
    public const string OrganizerIdentity = "organizer";

    public async Task<IReadOnlyDictionary<string, MediaMember>> GetMembersAsync(
        Guid conferenceId, IReadOnlyCollection<string> identities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identities);
        var members = new Dictionary<string, MediaMember>();
        if (identities.Contains(OrganizerIdentity))
        {
            members[OrganizerIdentity] = Organizer;
        }

        var ids = identities.Select(i => Guid.TryParse(i, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return members;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var people = await db.Participants.AsNoTracking()
            .Where(p => p.ConferenceId == conferenceId && ids.Contains(p.Id))
            .ToListAsync(cancellationToken);
        foreach (var member in people.Select(MemberOf))
        {
            members[member.Identity] = member;
        }

        return members;
    }

    public async Task<MediaShow?> GetShowAsync(Guid conferenceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ReadShowAsync(scope.ServiceProvider.GetRequiredService<ConferenceDbContext>(), conferenceId, cancellationToken);
    }

    public static readonly MediaMember Organizer = new(OrganizerIdentity, "Organizer", null, IsCrew: true);

    /// <summary>A participant in the call: their id is their media identity; hosts and producers are crew.</summary>
    public static MediaMember MemberOf(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var crew = (participant.Roles & (ParticipantRoles.Host | ParticipantRoles.Producer)) != 0;
        return new MediaMember(participant.Id.ToString(), participant.DisplayName, participant.Country, crew);
    }

    /// <summary>The running awards ceremony's recipients in call-up order, so the one at the cue gets the floor.</summary>
    private static async Task<IReadOnlyList<Guid>?> CallUpAsync(
        ConferenceDbContext db, Guid conferenceId, ShowProgram program, ShowState state, CancellationToken cancellationToken)
    {
        if (state.CurrentSegmentId is not { } segmentId || program.Find(segmentId) is not { Kind: SegmentKind.AwardsCeremony })
        {
            return null;
        }

        var award = await db.AwardOfSegmentAsync(conferenceId, segmentId, cancellationToken);
        return award is null ? null : [.. award.Recipients.Select(r => r.ParticipantId)];
    }

    /// <summary>
    /// The participant the running speech's speaker is: the one person of the conference's roster with the program's
    /// name (folded as the roster folds names on import) and country. Nobody when none or several match, so the floor
    /// goes by participant id, never to whoever shows that name in the call.
    /// </summary>
    private static async Task<Guid?> SpeakerIdAsync(
        ConferenceDbContext db, Guid conferenceId, ConferenceProgram program, ShowState state, CancellationToken cancellationToken)
    {
        if (state.CurrentSegmentId is not { } segmentId
            || program.Segments.FirstOrDefault(s => s.Id == segmentId) is not { Kind: SegmentKind.Speech, Speaker: { } speaker }
            || !PersonNames.IsWellFormed(speaker.Name))
        {
            return null;
        }

        var name = PersonNames.Fold(speaker.Name);
        var country = speaker.Country.Trim().ToUpperInvariant();
        var candidates = await db.Participants.AsNoTracking()
            .Where(p => p.ConferenceId == conferenceId && p.Country == country)
            .Select(p => new { p.Id, p.DisplayName })
            .ToListAsync(cancellationToken);
        var matches = candidates.Where(p => PersonNames.Fold(p.DisplayName) == name).Select(p => p.Id).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private async Task<MediaShow?> ReadShowAsync(ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        try
        {
            var (conference, program, state) = await coordinator.ReadAsync(db, conferenceId, cancellationToken);
            return new MediaShow(
                state,
                conference,
                await CallUpAsync(db, conferenceId, program, state, cancellationToken),
                (await SpeakerIdAsync(db, conferenceId, conference, state, cancellationToken))?.ToString(),
                await appealLinks.OnAirAsync(db, conferenceId, state, cancellationToken));
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
