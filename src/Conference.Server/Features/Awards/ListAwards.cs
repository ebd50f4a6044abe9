using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Awards;

/// <summary>The award lists of a conference. Who is honoured may be a surprise until the ceremony, so only the crew reads them.</summary>
[Requires(Permission.ViewParticipants)]
public sealed record ListAwards(Guid ConferenceId) : IRequest<IReadOnlyList<AwardDto>>, IConferenceRequest;

public sealed class ListAwardsHandler(ConferenceDbContext db) : IRequestHandler<ListAwards, IReadOnlyList<AwardDto>>
{
    public async Task<IReadOnlyList<AwardDto>> Handle(ListAwards request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", request.ConferenceId);
        }

        var awards = await db.Awards.AsNoTracking().Where(a => a.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);
        return [.. awards.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id).Select(AwardDto.From)];
    }
}
