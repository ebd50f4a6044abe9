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
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        if (await ReadShowAsync(db, conferenceId, cancellationToken) is not { } show)
        {
            return null;
        }

        var people = await db.Participants.AsNoTracking()
            .Where(p => p.ConferenceId == conferenceId)
            .ToListAsync(cancellationToken);
        var members = people.Select(MemberOf).ToDictionary(m => m.Identity);
        members[OrganizerIdentity] = Organizer;
        return new MediaSituation(show.Show, show.Program, members);
    }

    public async Task<MediaShow?> GetShowAsync(Guid conferenceId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
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

    private async Task<MediaShow?> ReadShowAsync(ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        try
        {
            var (conference, _, state) = await services.GetRequiredService<ShowCoordinator>().ReadAsync(db, conferenceId, cancellationToken);
            return new MediaShow(state, conference);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
