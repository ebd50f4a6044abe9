using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Show;

/// <summary>The live show now: anchors and revision (the timelines are at GET .../show/timeline).</summary>
[Requires(Permission.JoinConference)]
public sealed record GetShowState(Guid ConferenceId) : IRequest<LiveShowState>, IConferenceRequest;

public sealed class GetShowStateHandler(ConferenceDbContext db, ShowCoordinator coordinator, TimeProvider time)
    : IRequestHandler<GetShowState, LiveShowState>
{
    public async Task<LiveShowState> Handle(GetShowState request, CancellationToken cancellationToken)
    {
        var (_, program, state) = await coordinator.ReadAsync(db, request.ConferenceId, cancellationToken);
        return LiveShowState.From(request.ConferenceId, state, state.Revision, program, time.GetUtcNow());
    }
}
