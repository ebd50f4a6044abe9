using System.Buffers;
using System.Globalization;
using System.Text;

namespace Conference.Domain.Participants;

/// <summary>
/// How display names are checked, stored and compared. Stored: spaces collapsed, Unicode NFC, so a
/// decomposed "ü" (u + U+0308) is the same text as a precomposed one. Compared (duplicate detection):
/// also compatibility-folded (full-width "Ａｌｉ" is "Ali"), without zero-width characters, case-folded,
/// and with the Azerbaijani/Turkish dotted and dotless i (İ, ı) read as a plain i, because the same
/// person is typed both ways on keyboards with and without those letters.
/// </summary>
public static class PersonNames
{
    private static readonly SearchValues<char> ZeroWidth = SearchValues.Create(
        "\u00AD\u180E\u200B\u200C\u200D\u2060\uFEFF");

    /// <summary>
    /// False for text that is not a name: malformed UTF-16 (a lone surrogate), a Unicode noncharacter
    /// (U+FFFE, U+FDD0…), or a control character. Such text cannot be normalized, so it is refused up front.
    /// </summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null)
        {
            return true;
        }

        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != OperationStatus.Done
                || IsNoncharacter(rune.Value)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Surrogate)
            {
                return false;
            }

            remaining = remaining[consumed..];
        }

        return true;
    }

    /// <summary>The name as stored and shown: single spaces, trimmed, NFC.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsWellFormed(name))
        {
            throw new ProgramRuleException(
                "displayName",
                "The display name contains characters that are not text (a noncharacter, a control character or a broken surrogate pair).");
        }

        return CollapseSpaces(name).Normalize(NormalizationForm.FormC);
    }

    /// <summary>The comparison key of a name: two names with the same key are the same person's.</summary>
    public static string Fold(string name)
    {
        var compatible = Normalize(name).Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(compatible.Length);
        foreach (var c in compatible)
        {
            if (ZeroWidth.Contains(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                'İ' or 'ı' or 'I' => 'i',
                _ => char.ToLowerInvariant(c),
            });
        }

        // Removing zero-width characters can leave doubled spaces ("Ali \u200B Aliyev").
        return CollapseSpaces(builder.ToString());
    }

    private static bool IsNoncharacter(int value) => value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
