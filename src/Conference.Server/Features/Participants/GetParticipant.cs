using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Participants;

/// <summary>One participant; the e-mail address only for the organizer.</summary>
[Requires(Permission.ViewParticipants)]
public sealed record GetParticipant(Guid ConferenceId, Guid ParticipantId) : IRequest<ParticipantDto>, IConferenceRequest;

public sealed class GetParticipantHandler(ConferenceDbContext db, ICallerAccessor callers) : IRequestHandler<GetParticipant, ParticipantDto>
{
    public async Task<ParticipantDto> Handle(GetParticipant request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return ParticipantDto.From(await db.LoadParticipantAsync(request.ConferenceId, request.ParticipantId, cancellationToken), callers.Current.IsOrganizer);
    }
}
