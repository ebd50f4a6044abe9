using System.Text.Json.Serialization;
using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Participants;

public sealed record CreateParticipant(string? DisplayName, string? Country, string? Language, string? Email, IReadOnlyList<string>? Roles)
    : IRequest<ParticipantDto>, IAuthorizedRequest, IParticipantFields
{
    [JsonIgnore]
    public Guid Id { get; init; }

    [JsonIgnore]
    public Permission RequiredPermission => Permission.ManageParticipants;

    [JsonIgnore]
    public Guid? ConferenceId => Id;
}

public sealed class CreateParticipantValidator : AbstractValidator<CreateParticipant>
{
    public CreateParticipantValidator() => Include(new ParticipantFieldsRules());
}

public sealed class CreateParticipantHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<CreateParticipant, ParticipantDto>
{
    public async Task<ParticipantDto> Handle(CreateParticipant request, CancellationToken cancellationToken)
    {
        var language = await db.DefaultLanguageAsync(request.Id, cancellationToken);
        var participant = Participant.Create(
            Guid.NewGuid(), request.Id, ParticipantFieldsRules.ToProfile(request, language), ParticipantOrigin.Roster, time.GetUtcNow());
        await db.EnsureUniqueAsync(participant, cancellationToken);
        db.Participants.Add(participant);
        await db.SaveChangesAsync(cancellationToken);
        return ParticipantDto.From(participant);
    }
}
