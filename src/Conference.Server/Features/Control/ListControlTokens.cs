using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Control;

/// <summary>The conference's control tokens (never the tokens themselves), newest first.</summary>
[Requires(Permission.DriveShow)]
public sealed record ListControlTokens(Guid ConferenceId) : IRequest<IReadOnlyList<ControlTokenDto>>, IConferenceRequest;

public sealed record ControlTokenDto(Guid Id, string Label, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public sealed class ListControlTokensHandler(ConferenceDbContext db) : IRequestHandler<ListControlTokens, IReadOnlyList<ControlTokenDto>>
{
    public async Task<IReadOnlyList<ControlTokenDto>> Handle(ListControlTokens request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new Conference.Domain.NotFoundException("conference", request.ConferenceId);
        }

        var tokens = await db.ControlTokens.AsNoTracking().Where(t => t.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        return tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new ControlTokenDto(t.Id, t.Label, t.CreatedAt, t.RevokedAt, t.LastUsedAt))
            .ToList();
    }
}
