using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Appeals;

/// <summary>The conference's submission links, newest first, with what came through each.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record ListSubmissionLinks(Guid ConferenceId) : IRequest<IReadOnlyList<SubmissionLinkDto>>, IConferenceRequest;

public sealed class ListSubmissionLinksHandler(ConferenceDbContext db, TimeProvider time)
    : IRequestHandler<ListSubmissionLinks, IReadOnlyList<SubmissionLinkDto>>
{
    public async Task<IReadOnlyList<SubmissionLinkDto>> Handle(ListSubmissionLinks request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new Domain.NotFoundException("conference", request.ConferenceId);
        }

        var links = await db.SubmissionLinks.AsNoTracking().Where(l => l.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. links.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Label, StringComparer.Ordinal).Select(l => SubmissionLinkDto.From(l, now))];
    }
}
