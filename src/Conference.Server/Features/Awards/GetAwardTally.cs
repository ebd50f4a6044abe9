using Conference.Domain.Awards;
using Conference.Server.Features.Reports;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Awards;

/// <summary>How many recipients of an award were presented, absent or deferred in this run of the show.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record GetAwardTally(Guid ConferenceId, Guid AwardId) : IRequest<AwardTally>, IConferenceRequest;

public sealed class GetAwardTallyHandler(ConferenceDbContext db) : IRequestHandler<GetAwardTally, AwardTally>
{
    public async Task<AwardTally> Handle(GetAwardTally request, CancellationToken cancellationToken) =>
        await AwardTallies.ComputeAsync(db, await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken), cancellationToken);
}

public static class AwardTallies
{
    /// <summary>The tally from the live part of the marks only: marks of a rehearsal before the last reset do not count.</summary>
    public static async Task<AwardTally> ComputeAsync(ConferenceDbContext db, Award award, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(award);
        var window = await LiveLog.WindowAsync(db, award.ConferenceId, cancellationToken);
        var marks = await db.AwardMarks.AsNoTracking()
            .Where(m => m.AwardId == award.Id && m.ShowRevision >= window.FromRevision)
            .ToListAsync(cancellationToken);
        return AwardTally.Compute(award, marks);
    }
}
