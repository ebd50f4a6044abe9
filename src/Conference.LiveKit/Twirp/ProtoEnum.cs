using System.Collections.Frozen;
using System.Text.Json;

namespace Conference.LiveKit;

/// <summary>
/// Maps C# enum members to protobuf enum names by SCREAMING_SNAKE convention, with the optional
/// prefix some LiveKit enums carry (<c>EGRESS_ACTIVE</c>, <c>ENDPOINT_PUBLISHING</c>).
/// </summary>
internal static class ProtoEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
        .ToFrozenDictionary(static v => JsonNamingPolicy.SnakeCaseUpper.ConvertName(v.ToString()), StringComparer.Ordinal);

    public static TEnum Parse(string name, string prefix)
    {
        string trimmed = name.Trim();
        if (prefix.Length > 0 && trimmed.StartsWith(prefix, StringComparison.Ordinal))
        {
            trimmed = trimmed[prefix.Length..];
        }

        return ByName.TryGetValue(trimmed, out TEnum value) ? value : default;
    }
}
