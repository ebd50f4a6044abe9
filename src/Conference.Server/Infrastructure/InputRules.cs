using System.Text.RegularExpressions;
using Conference.Domain;
using Conference.Domain.Programs;
using FluentValidation;

namespace Conference.Server.Infrastructure;

/// <summary>Format rules shared by every validator, each with the message a user sees.</summary>
public static partial class InputRules
{
    public static IRuleBuilderOptions<T, string?> IanaTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is null || TimeZones.FindIana(id) is not null)
            .WithMessage("'{PropertyValue}' is not an IANA time zone id such as 'Asia/Baku' or 'Europe/Berlin'.");

    public static IRuleBuilderOptions<T, string?> CountryCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is null || Countries.IsAlpha2(code))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code such as 'AZ' or 'TR'.");

    public static IRuleBuilderOptions<T, string?> LanguageTag<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(tag => tag is null || LanguageTagPattern().IsMatch(tag))
            .WithMessage("'{PropertyValue}' is not a language tag such as 'az', 'en' or 'pt-BR'.");

    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(url => url is null || IsHttpUrl(url))
            .WithMessage("'{PropertyValue}' is not an absolute http or https URL.");

    /// <summary>A person's name must be text: no control characters, noncharacters or broken surrogate pairs.</summary>
    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Conference.Domain.Participants.PersonNames.IsWellFormed)
            .WithMessage(
                "The name contains characters that are not text (a control character, a Unicode noncharacter such as U+FFFE, "
                + "or a broken surrogate pair).");

    /// <summary>
    /// Instants a conference can sensibly be planned at. Beyond these, adding a program's durations (or a
    /// time zone's offset) could run off the end of the calendar, so they are refused as input.
    /// </summary>
    public static IRuleBuilderOptions<T, DateTimeOffset?> PlannableInstant<T>(this IRuleBuilder<T, DateTimeOffset?> rule) =>
        rule.Must(instant => instant is null || Conference.Domain.Programs.SegmentLimits.IsPlannable(instant.Value))
            .WithMessage($"Give an instant between {SegmentLimits.EarliestInstant:yyyy-MM-dd} and {SegmentLimits.LatestInstant:yyyy-MM-dd} (UTC).");

    public static IRuleBuilderOptions<T, int?> Revision<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().WithMessage("Send the revision your change is based on ('expectedRevision').")
            .GreaterThanOrEqualTo(1).WithMessage("'expectedRevision' starts at 1.");

    /// <summary>
    /// Texts keyed by language: each key a language tag, each entry with a title, at most as many as a
    /// conference has languages.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyDictionary<string, TText?>?> Translations<T, TText>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, TText?>?> rule, Func<TText, string?> title, int titleMaxLength)
        where TText : class =>
        rule.Custom((translations, context) =>
        {
            if (translations is null)
            {
                return;
            }

            if (translations.Count > SegmentLimits.MaxLanguages)
            {
                context.AddFailure($"Give translations for at most {SegmentLimits.MaxLanguages} languages.");
                return;
            }

            foreach (var (language, text) in translations)
            {
                var shown = language.Length > 20 ? language[..20] + "…" : language;
                if (!LanguageTagPattern().IsMatch(language))
                {
                    context.AddFailure($"'{shown}' is not a language tag such as 'az', 'en' or 'pt-BR'.");
                }
                else if (text is null || string.IsNullOrWhiteSpace(title(text)))
                {
                    context.AddFailure($"The '{shown}' translation needs a title.");
                }
                else if (title(text)!.Length > titleMaxLength)
                {
                    context.AddFailure($"The '{shown}' title is at most {titleMaxLength} characters.");
                }
            }
        });

    private static bool IsHttpUrl(string url) =>
        url.Length <= 2048
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    // BCP 47 as people use it: a language, then optionally a script and a region.
    [GeneratedRegex("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")]
    private static partial Regex LanguageTagPattern();
}

public static class TimeZones
{
    /// <summary>Finds a zone by IANA id only; Windows ids and offsets such as "UTC+4" are refused.</summary>
    public static TimeZoneInfo? FindIana(string id) =>
        id.Length is > 0 and <= 64
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
            ? zone
            : null;
}
