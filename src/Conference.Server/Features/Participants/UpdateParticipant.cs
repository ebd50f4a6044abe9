using System.Text.Json.Serialization;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Participants;

/// <summary>Replaces a participant's profile and roles. Removing a role takes effect on their open sessions at once.</summary>
[Requires(Permission.ManageParticipants)]
public sealed record UpdateParticipant(string? DisplayName, string? Country, string? Language, string? Email, IReadOnlyList<string>? Roles)
    : IRequest<ParticipantDto>, IConferenceRequest, IParticipantFields
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Guid ParticipantId { get; init; }
}

public sealed class UpdateParticipantValidator : AbstractValidator<UpdateParticipant>
{
    public UpdateParticipantValidator() => Include(new ParticipantFieldsRules());
}

public sealed class UpdateParticipantHandler(ConferenceDbContext db, LiveSessions sessions) : IRequestHandler<UpdateParticipant, ParticipantDto>
{
    public async Task<ParticipantDto> Handle(UpdateParticipant request, CancellationToken cancellationToken)
    {
        var language = await db.DefaultLanguageAsync(request.ConferenceId, cancellationToken);
        var participant = await db.LoadParticipantAsync(request.ConferenceId, request.ParticipantId, cancellationToken);
        participant.Update(ParticipantFieldsRules.ToProfile(request, language));
        await db.EnsureUniqueAsync(participant, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.NarrowRolesAsync(participant.Id, participant.Roles);
        return ParticipantDto.From(participant);
    }
}
