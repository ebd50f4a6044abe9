using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Awards;

/// <summary>The award lists of a conference. Who is honoured may be a surprise until the ceremony, so only the crew reads them.</summary>
public sealed record ListAwards(Guid Id) : IRequest<IReadOnlyList<AwardDto>>, IAuthorizedRequest
{
    public Permission RequiredPermission => Permission.ViewParticipants;

    public Guid? ConferenceId => Id;
}

public sealed record GetAward(Guid Id, Guid AwardId) : IRequest<AwardDto>, IAuthorizedRequest
{
    public Permission RequiredPermission => Permission.ViewParticipants;

    public Guid? ConferenceId => Id;
}

public sealed class ListAwardsHandler(ConferenceDbContext db) : IRequestHandler<ListAwards, IReadOnlyList<AwardDto>>
{
    public async Task<IReadOnlyList<AwardDto>> Handle(ListAwards request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("conference", request.Id);
        }

        var awards = await db.Awards.AsNoTracking().Where(a => a.ConferenceId == request.Id).ToListAsync(cancellationToken);
        return [.. awards.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id).Select(AwardDto.From)];
    }
}

public sealed class GetAwardHandler(ConferenceDbContext db) : IRequestHandler<GetAward, AwardDto>
{
    public async Task<AwardDto> Handle(GetAward request, CancellationToken cancellationToken) =>
        AwardDto.From(await db.LoadAwardAsync(request.Id, request.AwardId, cancellationToken));
}
