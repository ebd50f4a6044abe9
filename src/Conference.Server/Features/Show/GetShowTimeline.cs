using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Show;

/// <summary>Planned, expected and actual times per segment, over/under, and the projected end of the show.</summary>
[Requires(Permission.JoinConference)]
public sealed record GetShowTimeline(Guid ConferenceId) : IRequest<ShowTimelineView>, IConferenceRequest;

public sealed class GetShowTimelineHandler(ConferenceDbContext db, ShowCoordinator coordinator, TimeProvider time)
    : IRequestHandler<GetShowTimeline, ShowTimelineView>
{
    public async Task<ShowTimelineView> Handle(GetShowTimeline request, CancellationToken cancellationToken)
    {
        var (_, program, state) = await coordinator.ReadAsync(db, request.ConferenceId, cancellationToken);
        return ShowTimeline.Compute(state, program, time.GetUtcNow());
    }
}
