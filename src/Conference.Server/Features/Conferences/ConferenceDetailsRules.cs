using Conference.Domain.Programs;
using Conference.Server.Infrastructure;
using FluentValidation;

namespace Conference.Server.Features.Conferences;

/// <summary>The fields a conference is created and updated with.</summary>
public interface IConferenceDetailsInput
{
    string? Title { get; }
    string? Slogan { get; }
    DateTimeOffset? ScheduledStart { get; }
    string? TimeZone { get; }
    IReadOnlyList<string>? Languages { get; }

    /// <summary>Title and slogan in more languages, keyed by language tag; omitted means none.</summary>
    IReadOnlyDictionary<string, ConferenceTranslationInput?>? Translations { get; }
}

public sealed record ConferenceTranslationInput(string? Title, string? Slogan);

public sealed class ConferenceDetailsRules : AbstractValidator<IConferenceDetailsInput>
{
    public ConferenceDetailsRules()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("A conference needs a title.")
            .MaximumLength(SegmentLimits.TitleMaxLength);
        RuleFor(c => c.Slogan).MaximumLength(SegmentLimits.SloganMaxLength);
        RuleFor(c => c.ScheduledStart).NotNull().WithMessage("Give the scheduled start as an ISO 8601 instant with an offset, e.g. 2026-12-31T15:00:00Z.");
        RuleFor(c => c.TimeZone).NotEmpty().WithMessage("Give the conference's IANA time zone, e.g. 'Asia/Baku'.").IanaTimeZone();
        RuleFor(c => c.Languages).NotEmpty().WithMessage("List at least one language, e.g. [\"az\", \"en\"].")
            .Must(l => l is null || l.Count <= SegmentLimits.MaxLanguages).WithMessage($"List at most {SegmentLimits.MaxLanguages} languages.");
        RuleForEach(c => c.Languages).NotEmpty().LanguageTag();
        RuleFor(c => c.Translations).Translations(t => t.Title, SegmentLimits.TitleMaxLength);
        RuleFor(c => c.Translations)
            .Must(translations => translations is null || translations.Values.All(t => t?.Slogan is not { Length: > SegmentLimits.SloganMaxLength }))
            .WithMessage($"A translated slogan is at most {SegmentLimits.SloganMaxLength} characters.");
    }

    public static ConferenceDetails ToDetails(IConferenceDetailsInput input) =>
        new(input.Title!, input.Slogan, input.ScheduledStart!.Value, input.TimeZone!, input.Languages!,
            input.Translations?.ToDictionary(t => t.Key, t => new ConferenceTranslation(t.Value!.Title!, t.Value.Slogan)));
}
