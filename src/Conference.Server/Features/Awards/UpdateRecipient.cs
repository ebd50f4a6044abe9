using Conference.Server.Features.Participants;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Awards;

/// <summary>Changes a recipient's citation, country or photo; the name is taken again from the participant.</summary>
public sealed record UpdateRecipient(int? ExpectedRevision, string? Country, string? Citation, string? PhotoUrl) : AwardEdit, IRecipientFields
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid ParticipantId { get; init; }
}

public sealed class UpdateRecipientValidator : AbstractValidator<UpdateRecipient>
{
    public UpdateRecipientValidator()
    {
        RuleFor(r => r.ExpectedRevision).Revision();
        Include(new RecipientFieldsRules());
    }
}

public sealed class UpdateRecipientHandler(ConferenceDbContext db) : IRequestHandler<UpdateRecipient, AwardDto>
{
    public async Task<AwardDto> Handle(UpdateRecipient request, CancellationToken cancellationToken)
    {
        var award = await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken);
        award.Get(request.ParticipantId);
        var participant = await db.LoadParticipantAsync(request.ConferenceId, request.ParticipantId, cancellationToken);
        award.UpdateRecipient(request.ExpectedRevision!.Value, RecipientFieldsRules.ToDraft(request, participant));
        return await db.SaveAwardAsync(award, cancellationToken);
    }
}
