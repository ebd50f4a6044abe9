using System.Text.Json.Serialization;
using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Participants;

[Requires(Permission.ManageParticipants)]
public sealed record CreateParticipant(string? DisplayName, string? Country, string? Language, string? Email, IReadOnlyList<string>? Roles)
    : IRequest<ParticipantDto>, IConferenceRequest, IParticipantFields
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class CreateParticipantValidator : AbstractValidator<CreateParticipant>
{
    public CreateParticipantValidator() => Include(new ParticipantFieldsRules());
}

public sealed class CreateParticipantHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<CreateParticipant, ParticipantDto>
{
    public async Task<ParticipantDto> Handle(CreateParticipant request, CancellationToken cancellationToken)
    {
        var language = await db.DefaultLanguageAsync(request.ConferenceId, cancellationToken);
        var participant = Participant.Create(
            Guid.NewGuid(), request.ConferenceId, ParticipantFieldsRules.ToProfile(request, language), ParticipantOrigin.Roster, time.GetUtcNow());
        await db.EnsureUniqueAsync(participant, cancellationToken);
        db.Participants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return ParticipantDto.From(participant);
    }
}
