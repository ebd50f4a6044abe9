using System.Text.Json;
using System.Text.Json.Serialization;
using MessagePack;

namespace Conference.Contracts;

/// <summary>
/// The one dialect of the live channel (and of the REST API's JSON). JSON: camelCase field names, enums as camelCase
/// strings, every public property (computed ones such as <c>plannedEnd</c> and a run's <c>duration</c> included).
/// MessagePack carries exactly the same document: <see cref="MessagePackOptions"/> writes each value as the JSON
/// serializer would and transcodes it token by token (object → map with string keys, array → array, string → str,
/// number → int or float64, true/false, null → nil). So a <see cref="Guid"/> is the string
/// <c>"3f2504e0-4f89-11d3-9a0c-0305e82c3301"</c>, a <see cref="DateTimeOffset"/> the ISO 8601 string
/// <c>"2026-12-31T11:00:00+00:00"</c> and a <see cref="TimeSpan"/> the string <c>"[-][d.]hh:mm:ss[.fffffff]"</c>
/// (<c>"00:01:00"</c>) in both protocols; see docs/live-protocol.md.
/// </summary>
public static class LiveWire
{
    /// <summary>The hub's path on the server.</summary>
    public const string HubPath = "/hubs/conference";

    /// <summary>
    /// The dialect for a reader that tolerates fields it does not know (a client talking to a newer server).
    /// Shared, so serializer metadata is built once per process, not once per connection.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = CreateJson();

    /// <summary>MessagePack in the JSON dialect of <see cref="Json"/>.</summary>
    public static MessagePackSerializerOptions MessagePack { get; } = MessagePackOptions(Json);

    /// <summary>A new options instance of the dialect (web defaults, camelCase string enums), to extend before first use.</summary>
    public static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ConfigureJson(options);
        return options;
    }

    /// <summary>Adds the dialect's rules to <paramref name="options"/>: enums travel as camelCase names, never as numbers.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    /// <summary>
    /// MessagePack options whose every value (hub arguments, results, pushed messages) is written and read through
    /// <paramref name="json"/>, for untrusted input (depth-limited).
    /// </summary>
    public static MessagePackSerializerOptions MessagePackOptions(JsonSerializerOptions json) =>
        MessagePackSerializerOptions.Standard
            .WithResolver(new JsonDialectResolver(json))
            .WithSecurity(MessagePackSecurity.UntrustedData);
}
