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
public sealed record JoinConferenceRequest(Guid ConferenceId) : IRequest<ShowSnapshot>, IAuthorizedRequest
{
    public Permission RequiredPermission => Permission.JoinConference;

    Guid? IAuthorizedRequest.ConferenceId => ConferenceId;
}

public sealed class JoinConferenceHandler(ConferenceDbContext db, ShowCoordinator coordinator, TimeProvider time)
    : IRequestHandler<JoinConferenceRequest, ShowSnapshot>
{
    public async Task<ShowSnapshot> Handle(JoinConferenceRequest request, CancellationToken cancellationToken)
    {
        var (conference, program, state) = await coordinator.ReadAsync(db, request.ConferenceId, cancellationToken);
        var now = time.GetUtcNow();
        return new ShowSnapshot(
            conference.Id, conference.Title, conference.TimeZoneId, program,
            LiveShowState.From(conference.Id, state, state.Revision, program, now), ShowTimeline.Compute(state, program, now), now);
    }
}
