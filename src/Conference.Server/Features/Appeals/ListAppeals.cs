using Conference.Domain.Appeals;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Appeals;

/// <summary>Every appeal of the conference with its review status, or played/skipped once the show's log says so.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record ListAppeals(Guid ConferenceId) : IRequest<AppealQueueDto>, IConferenceRequest;

public sealed class ListAppealsHandler(ConferenceDbContext db, ShowCoordinator coordinator) : IRequestHandler<ListAppeals, AppealQueueDto>
{
    public async Task<AppealQueueDto> Handle(ListAppeals request, CancellationToken cancellationToken)
    {
        var (_, _, state) = await coordinator.ReadAsync(db, request.ConferenceId, cancellationToken);
        var queue = await db.AppealQueues.AsNoTracking().SingleOrDefaultAsync(q => q.ConferenceId == request.ConferenceId, cancellationToken)
            ?? AppealQueue.Create(request.ConferenceId);
        return queue.ToDto(AppealOutcomes.From(state));
    }
}

/// <summary>Single appeal, for a producer's detail view.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record GetAppeal(Guid ConferenceId, Guid AppealId) : IRequest<AppealDto>, IConferenceRequest;

public sealed class GetAppealHandler(ConferenceDbContext db, ShowCoordinator coordinator) : IRequestHandler<GetAppeal, AppealDto>
{
    public async Task<AppealDto> Handle(GetAppeal request, CancellationToken cancellationToken)
    {
        var (_, _, state) = await coordinator.ReadAsync(db, request.ConferenceId, cancellationToken);
        var queue = await db.AppealQueues.AsNoTracking().SingleOrDefaultAsync(q => q.ConferenceId == request.ConferenceId, cancellationToken)
            ?? AppealQueue.Create(request.ConferenceId);
        var appeal = queue.Get(request.AppealId);
        return AppealDto.From(request.ConferenceId, appeal, AppealOutcomes.From(state).GetValueOrDefault(appeal.Id));
    }
}
