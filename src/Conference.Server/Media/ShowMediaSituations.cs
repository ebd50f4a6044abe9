using Conference.Domain;
using Conference.Domain.Media;
using Conference.Domain.Participants;
using Conference.Server.Live;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Media;

/// <summary>
/// The director's view of a conference: the show as the coordinator holds it, the program, and
/// the conference's people as media members (identity = participant id; hosts and producers are crew).
/// </summary>
/// <remarks>The coordinator is resolved per call: it nudges the director, so taking it in the constructor would be a cycle.</remarks>
public sealed class ShowMediaSituations(IServiceProvider services) : IMediaSituationSource
{
    /// <summary>The identity of the organizer when they join the call with the organizer key.</summary>
    public const string OrganizerIdentity = "organizer";

    public async Task<MediaSituation?> GetAsync(Guid conferenceId, CancellationToken cancellationToken)
    {
        var coordinator = services.GetRequiredService<ShowCoordinator>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        try
        {
            var (conference, _, state) = await coordinator.ReadAsync(db, conferenceId, cancellationToken);
            var people = await db.Participants.AsNoTracking()
                .Where(p => p.ConferenceId == conferenceId)
                .ToListAsync(cancellationToken);
            var members = people.Select(MemberOf).ToDictionary(m => m.Identity);
            members[OrganizerIdentity] = Organizer;
            return new MediaSituation(state, conference, members);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public static readonly MediaMember Organizer = new(OrganizerIdentity, "Organizer", null, IsCrew: true);

    /// <summary>A participant in the call: their id is their media identity; hosts and producers are crew.</summary>
    public static MediaMember MemberOf(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var crew = (participant.Roles & (ParticipantRoles.Host | ParticipantRoles.Producer)) != 0;
        return new MediaMember(participant.Id.ToString(), participant.DisplayName, participant.Country, crew);
    }
}
