using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Show;

/// <summary>
/// What a client receives when it joins (or rejoins after a reconnect or a missed revision):
/// the program, the show with its anchors and timelines, and the server's clock.
/// </summary>
[Requires(Permission.JoinConference)]
public sealed record JoinConference(Guid ConferenceId) : IRequest<ShowSnapshot>, IConferenceRequest;

public sealed class JoinConferenceHandler(ConferenceDbContext db, ShowCoordinator coordinator, TimeProvider time)
    : IRequestHandler<JoinConference, ShowSnapshot>
{
    public async Task<ShowSnapshot> Handle(JoinConference request, CancellationToken cancellationToken)
    {
        var (conference, program, state) = await coordinator.ReadAsync(db, request.ConferenceId, cancellationToken);
        var now = time.GetUtcNow();
        return new ShowSnapshot(
            conference.Id, conference.Title, conference.TimeZoneId, program,
            LiveShowState.From(conference.Id, state, state.Revision, program, now), ShowTimeline.Compute(state, program, now), now);
    }
}
