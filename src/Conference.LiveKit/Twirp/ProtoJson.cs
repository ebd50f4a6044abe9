using System.Globalization;
using System.Text.Json;

namespace Conference.LiveKit;

/// <summary>
/// Reads protobuf-JSON the forgiving way the LiveKit server writes it: snake_case or camelCase keys,
/// int64 as strings or numbers, enums as names or numbers, and <c>null</c> for unset messages.
/// </summary>
internal readonly struct ProtoJson(JsonElement element)
{
    public bool IsObject => element.ValueKind == JsonValueKind.Object;

    public string String(string name) =>
        TryGet(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    public string? OptionalString(string name) =>
        TryGet(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public long Int64(string name)
    {
        if (!TryGet(name, out JsonElement value))
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out long n) ? n : (long)value.GetDouble(),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : 0,
            _ => 0,
        };
    }

    public int Int32(string name) => checked((int)Int64(name));

    public bool Bool(string name) => TryGet(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    public TEnum Enum<TEnum>(string name, string prefix = "")
        where TEnum : struct, Enum
    {
        if (!TryGet(name, out JsonElement value))
        {
            return default;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => ProtoEnum<TEnum>.Parse(value.GetString()!, prefix),
            JsonValueKind.Number => (TEnum)System.Enum.ToObject(typeof(TEnum), value.GetInt32()),
            _ => default,
        };
    }

    public ProtoJson? Message(string name) =>
        TryGet(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? new ProtoJson(value) : null;

    public IReadOnlyList<T> Array<T>(string name, Func<ProtoJson, T> read)
    {
        if (!TryGet(name, out JsonElement value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. value.EnumerateArray().Select(item => read(new ProtoJson(item)))];
    }

    public IReadOnlyList<TEnum> EnumArray<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (!TryGet(name, out JsonElement value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. value.EnumerateArray().Select(static item => item.ValueKind == JsonValueKind.Number
            ? (TEnum)System.Enum.ToObject(typeof(TEnum), item.GetInt32())
            : ProtoEnum<TEnum>.Parse(item.GetString() ?? "", ""))];
    }

    public IReadOnlyDictionary<string, string> Map(string name)
    {
        Dictionary<string, string> map = [];
        if (TryGet(name, out JsonElement value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty entry in value.EnumerateObject())
            {
                map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText();
            }
        }

        return map;
    }

    public DateTimeOffset? UnixSeconds(string name) =>
        Int64(name) is var seconds and not 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public DateTimeOffset? UnixNanoseconds(string name) =>
        Int64(name) is var nanos and not 0 ? DateTimeOffset.UnixEpoch.AddTicks(nanos / 100) : null;

    private bool TryGet(string snakeName, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        string camelName = ToCamel(snakeName);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if ((property.NameEquals(snakeName) || property.NameEquals(camelName)) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    private static string ToCamel(string snakeName)
    {
        if (!snakeName.Contains('_', StringComparison.Ordinal))
        {
            return snakeName;
        }

        string[] words = snakeName.Split('_');
        return words[0] + string.Concat(words.Skip(1).Select(static w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
