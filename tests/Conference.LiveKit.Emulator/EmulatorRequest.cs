using System.Globalization;
using System.Text.Json;

namespace Conference.LiveKit.Emulator;

/// <summary>Reads a request body with the server's protobuf-JSON rules: camelCase or snake_case keys, unknown keys ignored.</summary>
internal readonly struct EmulatorRequest(JsonElement root)
{
    public static EmulatorRequest Parse(string body)
    {
        if (body.Length == 0)
        {
            return new EmulatorRequest(default);
        }

        using JsonDocument document = JsonDocument.Parse(body);
        return new EmulatorRequest(document.RootElement.Clone());
    }

    public string String(string snakeName) =>
        TryGet(snakeName, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public bool Bool(string snakeName) => TryGet(snakeName, out JsonElement v) && v.ValueKind == JsonValueKind.True;

    public uint UInt(string snakeName) => TryGet(snakeName, out JsonElement v)
        ? v.ValueKind == JsonValueKind.String ? uint.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetUInt32()
        : 0;

    public string EnumName(string snakeName, params string[] namesByNumber) => !TryGet(snakeName, out JsonElement v)
        ? namesByNumber[0]
        : v.ValueKind == JsonValueKind.Number ? namesByNumber[v.GetInt32()] : v.GetString()!;

    public IReadOnlyList<string> Strings(string snakeName) => TryGet(snakeName, out JsonElement v) && v.ValueKind == JsonValueKind.Array
        ? [.. v.EnumerateArray().Select(static e => e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString()!)]
        : [];

    public IReadOnlyList<EmulatorRequest> Messages(string snakeName) => TryGet(snakeName, out JsonElement v) && v.ValueKind == JsonValueKind.Array
        ? [.. v.EnumerateArray().Select(static e => new EmulatorRequest(e))]
        : [];

    public EmulatorRequest? Message(string snakeName) =>
        TryGet(snakeName, out JsonElement v) && v.ValueKind == JsonValueKind.Object ? new EmulatorRequest(v) : null;

    public IReadOnlyDictionary<string, string>? Map(string snakeName) => TryGet(snakeName, out JsonElement v) && v.ValueKind == JsonValueKind.Object
        ? v.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString() ?? "")
        : null;

    public byte[] Bytes(string snakeName) =>
        TryGet(snakeName, out JsonElement v) && v.ValueKind == JsonValueKind.String ? Convert.FromBase64String(v.GetString()!) : [];

    private bool TryGet(string snakeName, out JsonElement value)
    {
        value = default;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        string camel = string.Concat(snakeName.Split('_').Select(static (w, i) => i == 0 || w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if ((property.NameEquals(snakeName) || property.NameEquals(camel)) && property.Value.ValueKind != JsonValueKind.Null)
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
