using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Awards;

/// <summary>Takes someone off the list; those after them move up one place. The revision comes as <c>?expectedRevision=</c>.</summary>
public sealed record RemoveRecipient(Guid ParticipantId, int? ExpectedRevision) : AwardEdit;

public sealed class RemoveRecipientValidator : AbstractValidator<RemoveRecipient>
{
    public RemoveRecipientValidator() => RuleFor(r => r.ExpectedRevision).Revision();
}

public sealed class RemoveRecipientHandler(ConferenceDbContext db) : IRequestHandler<RemoveRecipient, AwardDto>
{
    public async Task<AwardDto> Handle(RemoveRecipient request, CancellationToken cancellationToken)
    {
        var award = await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken);
        award.RemoveRecipient(request.ExpectedRevision!.Value, request.ParticipantId);
        return await db.SaveAwardAsync(award, cancellationToken);
    }
}
