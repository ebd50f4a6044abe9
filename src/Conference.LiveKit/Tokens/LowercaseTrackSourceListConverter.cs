using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conference.LiveKit;

/// <summary>
/// Tokens carry publish sources as lowercase strings (<c>screen_share</c>) while the Twirp API uses
/// the protobuf enum names (<c>SCREEN_SHARE</c>); this converter owns the token spelling.
/// </summary>
internal sealed class LowercaseTrackSourceListConverter : JsonConverter<IReadOnlyList<TrackSource>>
{
    public override IReadOnlyList<TrackSource> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("canPublishSources must be an array.");
        }

        List<TrackSource> sources = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            sources.Add(TrackSourceNames.Parse(reader.GetString()));
        }

        return sources;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TrackSource> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (TrackSource source in value)
        {
            writer.WriteStringValue(TrackSourceNames.ToTokenName(source));
        }

        writer.WriteEndArray();
    }
}

/// <summary>Maps <see cref="TrackSource"/> to and from its token and protobuf spellings.</summary>
internal static class TrackSourceNames
{
    public static string ToTokenName(TrackSource source) => ToProtoName(source).ToLowerInvariant();

    public static string ToProtoName(TrackSource source) => source switch
    {
        TrackSource.Camera => "CAMERA",
        TrackSource.Microphone => "MICROPHONE",
        TrackSource.ScreenShare => "SCREEN_SHARE",
        TrackSource.ScreenShareAudio => "SCREEN_SHARE_AUDIO",
        _ => "UNKNOWN",
    };

    public static TrackSource Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "CAMERA" => TrackSource.Camera,
        "MICROPHONE" => TrackSource.Microphone,
        "SCREEN_SHARE" => TrackSource.ScreenShare,
        "SCREEN_SHARE_AUDIO" => TrackSource.ScreenShareAudio,
        _ => TrackSource.Unknown,
    };
}
