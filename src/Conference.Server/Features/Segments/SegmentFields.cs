using Conference.Domain.Programs;
using Conference.Server.Infrastructure;
using FluentValidation;

namespace Conference.Server.Features.Segments;

public sealed record MediaInput(string? Url, int? DurationSeconds);

public sealed record SpeakerInput(string? Name, string? Title, string? Country);

public sealed record SegmentTranslationInput(string? Title);

/// <summary>The fields a segment is added and updated with. Omitted ones take the kind's defaults.</summary>
public interface ISegmentFields
{
    SegmentKind? Kind { get; }
    string? Title { get; }
    int? DurationSeconds { get; }
    StartMode? StartMode { get; }
    DateTimeOffset? FixedStart { get; }
    EndMode? EndMode { get; }
    MediaInput? Media { get; }
    SpeakerInput? Speaker { get; }
    string? AwardName { get; }
    bool? AudienceMuted { get; }
    string? Notes { get; }

    /// <summary>The title in more languages, keyed by language tag; omitted means none.</summary>
    IReadOnlyDictionary<string, SegmentTranslationInput?>? Translations { get; }
}

public sealed class SegmentFieldsRules : AbstractValidator<ISegmentFields>
{
    private static readonly int MinSeconds = (int)SegmentLimits.MinDuration.TotalSeconds;
    private static readonly int MaxSeconds = (int)SegmentLimits.MaxDuration.TotalSeconds;
    private static readonly string DurationMessage = $"A duration is from {MinSeconds} second to {MaxSeconds} seconds (4 hours).";

    public SegmentFieldsRules()
    {
        RuleFor(s => s.Kind).NotNull().WithMessage(
            "Give the segment's kind: anthem, minuteOfSilence, videoScreening, speech, videoAppeals, musicalPerformance, awardsCeremony or custom.");
        RuleFor(s => s.Title).NotEmpty().WithMessage("A segment needs a title.").MaximumLength(SegmentLimits.TitleMaxLength);
        RuleFor(s => s.DurationSeconds).InclusiveBetween(MinSeconds, MaxSeconds).WithMessage(DurationMessage);
        RuleFor(s => s.FixedStart).NotNull().When(s => s.StartMode == Domain.Programs.StartMode.Fixed)
            .WithMessage("A segment with a fixed start needs 'fixedStart' (an ISO 8601 instant).");
        RuleFor(s => s.FixedStart).Null().When(s => s.StartMode == Domain.Programs.StartMode.FollowsPrevious)
            .WithMessage("A segment that follows the previous one has no 'fixedStart'.");
        RuleFor(s => s.AwardName).MaximumLength(SegmentLimits.NameMaxLength);
        RuleFor(s => s.Notes).MaximumLength(SegmentLimits.NotesMaxLength);
        RuleFor(s => s.Translations).Translations(t => t.Title, SegmentLimits.TitleMaxLength);
        RuleFor(s => s.Media!).ChildRules(media =>
        {
            media.RuleFor(m => m.Url).NotEmpty().WithMessage("A media asset needs a URL.").HttpUrl();
            media.RuleFor(m => m.DurationSeconds).NotNull().WithMessage("A media asset needs its duration in seconds.")
                .InclusiveBetween(MinSeconds, MaxSeconds).WithMessage(DurationMessage);
        }).When(s => s.Media is not null);
        RuleFor(s => s.Speaker!).ChildRules(speaker =>
        {
            speaker.RuleFor(p => p.Name).NotEmpty().WithMessage("A speaker needs a name.").MaximumLength(SegmentLimits.NameMaxLength);
            speaker.RuleFor(p => p.Title).MaximumLength(SegmentLimits.NameMaxLength);
            speaker.RuleFor(p => p.Country).NotEmpty().WithMessage("A speaker needs a country (ISO 3166-1 alpha-2, e.g. 'AZ').").CountryCode();
        }).When(s => s.Speaker is not null);
    }

    public static SegmentDraft ToDraft(ISegmentFields input) => new(
        input.Kind!.Value,
        input.Title!,
        input.DurationSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        input.FixedStart,
        input.EndMode,
        input.Media is { } m ? new MediaAsset(new Uri(m.Url!), TimeSpan.FromSeconds(m.DurationSeconds!.Value)) : null,
        input.Speaker is { } p ? new Speaker(p.Name!.Trim(), string.IsNullOrWhiteSpace(p.Title) ? null : p.Title.Trim(), p.Country!.ToUpperInvariant()) : null,
        input.AwardName,
        input.AudienceMuted,
        input.Notes,
        input.Translations?.ToDictionary(t => t.Key, t => new SegmentTranslation(t.Value!.Title!)));
}
