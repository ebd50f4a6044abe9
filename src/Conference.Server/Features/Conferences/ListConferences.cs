using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Conferences;

/// <summary>Every conference, by start: public, like each conference's program.</summary>
[AllowAnonymousRequest]
public sealed record ListConferences : IRequest<IReadOnlyList<ConferenceSummary>>;

public sealed class ListConferencesHandler(ConferenceDbContext db) : IRequestHandler<ListConferences, IReadOnlyList<ConferenceSummary>>
{
    public async Task<IReadOnlyList<ConferenceSummary>> Handle(ListConferences request, CancellationToken cancellationToken)
    {
        var conferences = await db.Conferences.AsNoTracking().ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order by DateTimeOffset, and an organizer has tens of conferences, not millions.
        return [.. conferences.Select(c => ConferenceSummary.From(ConferenceDto.From(c))).OrderBy(c => c.ScheduledStart).ThenBy(c => c.Title)];
    }
}
