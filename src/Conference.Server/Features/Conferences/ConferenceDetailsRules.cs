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
}

public sealed class ConferenceDetailsRules : AbstractValidator<IConferenceDetailsInput>
{
    public ConferenceDetailsRules()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("A conference needs a title.")
            .MaximumLength(SegmentLimits.TitleMaxLength);
        RuleFor(c => c.Slogan).MaximumLength(SegmentLimits.SloganMaxLength);
        RuleFor(c => c.ScheduledStart).NotNull().WithMessage("Give the scheduled start as an ISO 8601 instant with an offset, e.g. 2026-12-31T15:00:00Z.")
            .PlannableInstant();
        RuleFor(c => c.TimeZone).NotEmpty().WithMessage("Give the conference's IANA time zone, e.g. 'Asia/Baku'.").IanaTimeZone();
        RuleFor(c => c.Languages).NotEmpty().WithMessage("List at least one language, e.g. [\"az\", \"en\"].")
            .Must(l => l is null || l.Count <= SegmentLimits.MaxLanguages).WithMessage($"List at most {SegmentLimits.MaxLanguages} languages.");
        RuleForEach(c => c.Languages).NotEmpty().LanguageTag();
    }

    public static ConferenceDetails ToDetails(IConferenceDetailsInput input) =>
        new(input.Title!, input.Slogan, input.ScheduledStart!.Value, input.TimeZone!, input.Languages!);
}
