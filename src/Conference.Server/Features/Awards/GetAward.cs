using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Awards;

/// <summary>One award list with its recipients in call-up order.</summary>
[Requires(Permission.ViewParticipants)]
public sealed record GetAward(Guid ConferenceId, Guid AwardId) : IRequest<AwardDto>, IConferenceRequest;

public sealed class GetAwardHandler(ConferenceDbContext db) : IRequestHandler<GetAward, AwardDto>
{
    public async Task<AwardDto> Handle(GetAward request, CancellationToken cancellationToken) =>
        AwardDto.From(await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken));
}
