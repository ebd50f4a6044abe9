using Conference.Domain;
using Conference.Domain.Programs;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Conferences;

public static class ConferenceLookup
{
    /// <summary>Loads a conference with its segments for an edit, or throws 404.</summary>
    public static async Task<ConferenceProgram> LoadAsync(this ConferenceDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Conferences.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw new NotFoundException("conference", id);
}
