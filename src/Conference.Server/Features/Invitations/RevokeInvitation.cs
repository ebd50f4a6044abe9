using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Invitations;

/// <summary>Revokes a join link: it cannot be redeemed again, and the sessions it gave out get 401 from now on.</summary>
[Requires(Permission.ManageParticipants)]
public sealed record RevokeInvitation(Guid ConferenceId, Guid ParticipantId, Guid InvitationId) : IRequest<Unit>, IConferenceRequest;

public sealed class RevokeInvitationHandler(ConferenceDbContext db, LiveSessions sessions, TimeProvider time) : IRequestHandler<RevokeInvitation, Unit>
{
    public async Task<Unit> Handle(RevokeInvitation request, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(
            i => i.Id == request.InvitationId && i.ParticipantId == request.ParticipantId && i.ConferenceId == request.ConferenceId, cancellationToken)
            ?? throw new NotFoundException("invitation", request.InvitationId);
        invitation.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndInvitationAsync(invitation.Id, "The session was revoked: your join link was withdrawn.");
        return Unit.Value;
    }
}
