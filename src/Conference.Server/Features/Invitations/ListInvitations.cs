using Conference.Server.Features.Participants;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Invitations;

/// <summary>A participant's invitations with their state; codes are never shown again after creation.</summary>
[Requires(Permission.ManageParticipants)]
public sealed record ListInvitations(Guid ConferenceId, Guid ParticipantId) : IRequest<IReadOnlyList<InvitationDto>>, IConferenceRequest;

public sealed class ListInvitationsHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<ListInvitations, IReadOnlyList<InvitationDto>>
{
    public async Task<IReadOnlyList<InvitationDto>> Handle(ListInvitations request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var participant = await db.LoadParticipantAsync(request.ConferenceId, request.ParticipantId, cancellationToken);
        var invitations = await db.Invitations.Where(i => i.ParticipantId == participant.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();

        // Ordered here: SQLite cannot order by DateTimeOffset, and a participant has a handful of invitations.
        return [.. invitations.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Select(i => InvitationDto.From(i, now))];
    }
}
