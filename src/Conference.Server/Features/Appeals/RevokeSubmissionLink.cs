using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Appeals;

/// <summary>Withdraws a submission link: it takes no more uploads. An appeal already sent through it stays in the queue.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record RevokeSubmissionLink(Guid ConferenceId, Guid LinkId) : IRequest<Unit>, IConferenceRequest;

public sealed class RevokeSubmissionLinkHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<RevokeSubmissionLink, Unit>
{
    public async Task<Unit> Handle(RevokeSubmissionLink request, CancellationToken cancellationToken)
    {
        var link = await db.SubmissionLinks.SingleOrDefaultAsync(l => l.Id == request.LinkId && l.ConferenceId == request.ConferenceId, cancellationToken)
            ?? throw new NotFoundException("submission link", request.LinkId);
        link.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
