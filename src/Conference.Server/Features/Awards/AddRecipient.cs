using Conference.Domain.Participants;
using Conference.Server.Features.Participants;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Awards;

/// <summary>Adds one participant at the end of the call-up order; they get the awardee role if they lacked it.</summary>
public sealed record AddRecipient(int? ExpectedRevision, Guid? ParticipantId, string? Country, string? Citation, string? PhotoUrl)
    : AwardEdit, IRecipientFields;

public sealed class AddRecipientValidator : AbstractValidator<AddRecipient>
{
    public AddRecipientValidator()
    {
        RuleFor(r => r.ExpectedRevision).Revision();
        RuleFor(r => r.ParticipantId).NotNull().WithMessage("Name the participant who receives the award ('participantId').");
        Include(new RecipientFieldsRules());
    }
}

public sealed class AddRecipientHandler(ConferenceDbContext db) : IRequestHandler<AddRecipient, AwardDto>
{
    public async Task<AwardDto> Handle(AddRecipient request, CancellationToken cancellationToken)
    {
        var award = await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken);
        var participant = await db.LoadParticipantAsync(request.ConferenceId, request.ParticipantId!.Value, cancellationToken);
        award.AddRecipient(request.ExpectedRevision!.Value, RecipientFieldsRules.ToDraft(request, participant));
        participant.AddRoles(ParticipantRoles.Awardee);
        return await db.SaveAwardAsync(award, cancellationToken);
    }
}
