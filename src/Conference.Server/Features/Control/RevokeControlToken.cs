using System.Text.Json.Serialization;
using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Control;

/// <summary>Revokes a control token: its next press is refused. Revoking twice is harmless.</summary>
[Requires(Permission.DriveShow)]
public sealed record RevokeControlToken(Guid TokenId) : IRequest<ControlTokenDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class RevokeControlTokenHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<RevokeControlToken, ControlTokenDto>
{
    public async Task<ControlTokenDto> Handle(RevokeControlToken request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await db.ControlTokens.SingleOrDefaultAsync(t => t.Id == request.TokenId && t.ConferenceId == request.ConferenceId, cancellationToken)
            ?? throw new NotFoundException("control token", request.TokenId);
        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new ControlTokenDto(token.Id, token.Label, token.CreatedAt, token.RevokedAt, token.LastUsedAt);
    }
}
