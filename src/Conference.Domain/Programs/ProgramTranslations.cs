namespace Conference.Domain.Programs;

/// <summary>A conference's own texts in one more language: its title and slogan as the organizer wrote them.</summary>
public sealed record ConferenceTranslation(string Title, string? Slogan = null);

/// <summary>A segment's title in one more language.</summary>
public sealed record SegmentTranslation(string Title);

/// <summary>
/// The organizer's texts beyond the conference's first language, keyed by language tag ("az", "ru", "pt-BR").
/// The texts in the first language are the title and slogan themselves; a reader in a language that has no
/// translation sees those.
/// </summary>
public static class ProgramTranslations
{
    /// <summary>Trims the texts and drops entries with nothing in them; a language given twice (in any case) is an error.</summary>
    public static IReadOnlyDictionary<string, ConferenceTranslation> Normalize(IReadOnlyDictionary<string, ConferenceTranslation>? translations) =>
        Normalize(translations, t => string.IsNullOrWhiteSpace(t.Title)
            ? null
            : new ConferenceTranslation(t.Title.Trim(), string.IsNullOrWhiteSpace(t.Slogan) ? null : t.Slogan.Trim()));

    /// <inheritdoc cref="Normalize(IReadOnlyDictionary{string, ConferenceTranslation}?)"/>
    public static IReadOnlyDictionary<string, SegmentTranslation> Normalize(IReadOnlyDictionary<string, SegmentTranslation>? translations) =>
        Normalize(translations, t => string.IsNullOrWhiteSpace(t.Title) ? null : new SegmentTranslation(t.Title.Trim()));

    private static Dictionary<string, T> Normalize<T>(IReadOnlyDictionary<string, T>? translations, Func<T, T?> clean)
        where T : class
    {
        var result = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        if (translations is null)
        {
            return result;
        }

        foreach (var (language, text) in translations)
        {
            if (string.IsNullOrWhiteSpace(language) || text is null || clean(text) is not { } cleaned)
            {
                continue;
            }

            var key = language.Trim();
            if (!result.TryAdd(key, cleaned))
            {
                throw new ProgramRuleException("translations", $"The language '{key}' is given twice.");
            }
        }

        return new Dictionary<string, T>(result, StringComparer.Ordinal);
    }
}
