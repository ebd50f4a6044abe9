using Conference.Domain;
using Conference.Domain.Participants;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Participants;

/// <summary>The fields a participant is created and updated with, from JSON or from a CSV row.</summary>
public interface IParticipantFields
{
    string? DisplayName { get; }
    string? Country { get; }
    string? Language { get; }
    string? Email { get; }
    IReadOnlyList<string>? Roles { get; }
}

public sealed class ParticipantFieldsRules : AbstractValidator<IParticipantFields>
{
    public ParticipantFieldsRules()
    {
        RuleFor(p => p.DisplayName).NotEmpty().WithMessage("A participant needs a display name.")
            .MaximumLength(ParticipantLimits.DisplayNameMaxLength)
            .PersonName();
        RuleFor(p => p.Country).NotEmpty().WithMessage("Give the participant's country as an ISO 3166-1 alpha-2 code, e.g. 'AZ'.").CountryCode();
        RuleFor(p => p.Language).LanguageTag();
        RuleFor(p => p.Email).MaximumLength(ParticipantLimits.EmailMaxLength)
            .EmailAddress().WithMessage("'{PropertyValue}' is not an e-mail address.");
        RuleFor(p => p.Roles).NotEmpty().WithMessage($"Give at least one role: {string.Join(", ", RoleNames.All.Select(RoleNames.Name))}.");
        RuleForEach(p => p.Roles).Must(role => RoleNames.Parse(role) is not null)
            .WithMessage($"'{{PropertyValue}}' is not a role; use {string.Join(", ", RoleNames.All.Select(RoleNames.Name))}.");
    }

    /// <summary>A missing language falls back to the conference's first language.</summary>
    public static ParticipantProfile ToProfile(IParticipantFields input, string defaultLanguage) => new(
        input.DisplayName!,
        input.Country!,
        string.IsNullOrWhiteSpace(input.Language) ? defaultLanguage : input.Language,
        input.Email,
        RoleNames.ParseAll(input.Roles!) ?? ParticipantRoles.None);
}

public sealed record ParticipantDto(
    Guid Id,
    string DisplayName,
    string Country,
    string Language,
    string? Email,
    IReadOnlyList<string> Roles,
    ParticipantOrigin Origin,
    DateTimeOffset CreatedAt)
{
    /// <summary>E-mail addresses are personal data the organizer collected; hosts and producers get the rest.</summary>
    public static ParticipantDto From(Participant p, bool withEmail = true) =>
        new(p.Id, p.DisplayName, p.Country, p.Language, withEmail ? p.Email : null, RoleNames.ToNames(p.Roles), p.Origin, p.CreatedAt);
}

public static class ParticipantLookup
{
    /// <summary>The conference's default language, or 404 when the conference does not exist.</summary>
    public static async Task<string> DefaultLanguageAsync(this ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        var languages = await db.Conferences.Where(c => c.Id == conferenceId).Select(c => c.Languages).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("conference", conferenceId);
        return languages.FirstOrDefault() ?? "en";
    }

    /// <summary>A participant of this conference only: an id from another conference is not found here.</summary>
    public static async Task<Participant> LoadParticipantAsync(
        this ConferenceDbContext db, Guid conferenceId, Guid participantId, CancellationToken cancellationToken) =>
        await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId && p.ConferenceId == conferenceId, cancellationToken)
        ?? throw new NotFoundException("participant", participantId);

    public static async Task EnsureUniqueAsync(this ConferenceDbContext db, Participant participant, CancellationToken cancellationToken)
    {
        var existing = await db.Participants
            .Where(p => p.ConferenceId == participant.ConferenceId && p.IdentityKey == participant.IdentityKey && p.Id != participant.Id)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            throw new DuplicateParticipantException(id);
        }
    }
}
