using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Participants;

/// <summary>Deletes a participant with their invitations, which ends their sessions; their attendance stays in the log.</summary>
[Requires(Permission.ManageParticipants)]
public sealed record DeleteParticipant(Guid ConferenceId, Guid ParticipantId) : IRequest<Unit>, IConferenceRequest;

public sealed class DeleteParticipantHandler(ConferenceDbContext db, LiveSessions sessions) : IRequestHandler<DeleteParticipant, Unit>
{
    public async Task<Unit> Handle(DeleteParticipant request, CancellationToken cancellationToken)
    {
        db.Participants.Remove(await db.LoadParticipantAsync(request.ConferenceId, request.ParticipantId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndParticipantAsync(request.ParticipantId, "You were removed from this conference.");
        return Unit.Value;
    }
}
