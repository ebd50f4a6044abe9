using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conference.LiveKit.Emulator;

/// <summary>
/// Writes responses the way the LiveKit server's encoder does: snake_case keys, every field present
/// even at zero, unset messages as null, int64 as strings and enums by name.
/// </summary>
internal static class EmulatorJson
{
    public static JsonObject Room(Room room) => new()
    {
        ["sid"] = room.Sid,
        ["name"] = room.Name,
        ["empty_timeout"] = room.EmptyTimeout,
        ["departure_timeout"] = room.DepartureTimeout,
        ["max_participants"] = room.MaxParticipants,
        ["creation_time"] = Int64(room.CreationTime?.ToUnixTimeSeconds() ?? 0),
        ["creation_time_ms"] = Int64(room.CreationTime?.ToUnixTimeMilliseconds() ?? 0),
        ["turn_password"] = "",
        ["enabled_codecs"] = new JsonArray(),
        ["metadata"] = room.Metadata,
        ["num_participants"] = room.NumParticipants,
        ["num_publishers"] = room.NumPublishers,
        ["active_recording"] = room.ActiveRecording,
        ["version"] = null,
    };

    public static JsonObject Participant(ParticipantInfo participant) => new()
    {
        ["sid"] = participant.Sid,
        ["identity"] = participant.Identity,
        ["state"] = Enum(participant.State),
        ["tracks"] = new JsonArray([.. participant.Tracks.Select(Track)]),
        ["metadata"] = participant.Metadata,
        ["joined_at"] = Int64(participant.JoinedAt?.ToUnixTimeSeconds() ?? 0),
        ["joined_at_ms"] = Int64(participant.JoinedAt?.ToUnixTimeMilliseconds() ?? 0),
        ["name"] = participant.Name,
        ["version"] = 1,
        ["permission"] = participant.Permission is { } permission ? Permission(permission) : null,
        ["region"] = "",
        ["is_publisher"] = participant.IsPublisher,
        ["kind"] = Enum(participant.Kind),
        ["attributes"] = new JsonObject([.. participant.Attributes.Select(static a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]),
        ["disconnect_reason"] = "UNKNOWN_REASON",
    };

    public static JsonObject Track(TrackInfo track) => new()
    {
        ["sid"] = track.Sid,
        ["type"] = Enum(track.Type),
        ["name"] = track.Name,
        ["muted"] = track.Muted,
        ["width"] = 0,
        ["height"] = 0,
        ["simulcast"] = false,
        ["source"] = Enum(track.Source),
        ["layers"] = new JsonArray(),
        ["mime_type"] = track.MimeType,
        ["version"] = null,
    };

    public static JsonObject Permission(ParticipantPermission permission) => new()
    {
        ["can_subscribe"] = permission.CanSubscribe,
        ["can_publish"] = permission.CanPublish,
        ["can_publish_data"] = permission.CanPublishData,
        ["can_publish_sources"] = new JsonArray([.. permission.CanPublishSources.Select(static s => (JsonNode)Enum(s))]),
        ["hidden"] = permission.Hidden,
        ["recorder"] = permission.Recorder,
        ["can_update_metadata"] = permission.CanUpdateMetadata,
        ["agent"] = permission.Agent,
        ["can_subscribe_metrics"] = permission.CanSubscribeMetrics,
        ["can_manage_agent_session"] = permission.CanManageAgentSession,
    };

    public static JsonObject Ingress(IngressInfo ingress) => new()
    {
        ["ingress_id"] = ingress.IngressId,
        ["name"] = ingress.Name,
        ["stream_key"] = ingress.StreamKey,
        ["url"] = ingress.Url,
        ["input_type"] = Enum(ingress.InputType),
        ["bypass_transcoding"] = false,
        ["enable_transcoding"] = null,
        ["audio"] = null,
        ["video"] = null,
        ["room_name"] = ingress.RoomName,
        ["participant_identity"] = ingress.ParticipantIdentity,
        ["participant_name"] = ingress.ParticipantName,
        ["participant_metadata"] = "",
        ["reusable"] = ingress.Reusable,
        ["state"] = ingress.State is { } state ? new JsonObject
        {
            ["status"] = "ENDPOINT_" + Enum(state.Status),
            ["error"] = state.Error,
            ["room_id"] = state.RoomId,
            ["started_at"] = Int64(Nanos(state.StartedAt)),
            ["ended_at"] = Int64(Nanos(state.EndedAt)),
            ["tracks"] = new JsonArray(),
        } : null,
        ["enabled"] = null,
    };

    public static JsonObject Egress(EgressInfo egress) => new()
    {
        ["egress_id"] = egress.EgressId,
        ["room_id"] = egress.RoomId,
        ["room_name"] = egress.RoomName,
        ["source_type"] = "EGRESS_SOURCE_TYPE_WEB",
        ["status"] = "EGRESS_" + Enum(egress.Status),
        ["started_at"] = Int64(Nanos(egress.StartedAt)),
        ["ended_at"] = Int64(Nanos(egress.EndedAt)),
        ["updated_at"] = Int64(Nanos(egress.UpdatedAt)),
        ["error"] = egress.Error,
        ["error_code"] = 0,
        ["file_results"] = new JsonArray(),
        ["stream_results"] = new JsonArray(),
    };

    public static string Enum<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    private static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long Nanos(DateTimeOffset? at) => at is { } t ? (t - DateTimeOffset.UnixEpoch).Ticks * 100 : 0;

    /// <summary>
    /// Webhook bodies are protobuf-JSON as LiveKit sends them: camelCase, zero values left out, enums at their
    /// zero value included (protobuf-JSON writes no default of any kind).
    /// </summary>
    public static JsonNode ToWebhookJson(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject([.. obj
            .Where(static p => !IsZero(p.Key, p.Value))
            .Select(static p => KeyValuePair.Create(
                ToCamel(p.Key),
                p.Key == "attributes" ? p.Value!.DeepClone() : (JsonNode?)ToWebhookJson(p.Value!)))]),
        JsonArray array => new JsonArray([.. array.Select(static item => (JsonNode?)ToWebhookJson(item!))]),
        _ => node.DeepClone(),
    };

    private static bool IsZero(string key, JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => key == "attributes" && obj.Count == 0,
        JsonValue v when v.TryGetValue(out bool b) => !b,
        JsonValue v when v.TryGetValue(out string? text) => text.Length == 0 || (text == "0" && IsInt64Field(key)) || IsZeroEnum(key, text),
        _ => value.ToJsonString() == "0",
    };

    /// <summary>The zero value of each enum field the emulator writes, by field name (e.g. a participant's state JOINING).</summary>
    private static bool IsZeroEnum(string key, string name) => (key, name) switch
    {
        ("state", "JOINING") or ("kind", "STANDARD") or ("disconnect_reason", "UNKNOWN_REASON") => true,
        ("type", "AUDIO") or ("source", "UNKNOWN") or ("input_type", "RTMP_INPUT") => true,
        ("status", "EGRESS_STARTING" or "ENDPOINT_INACTIVE") or ("source_type", "EGRESS_SOURCE_TYPE_WEB") => true,
        _ => false,
    };

    private static bool IsInt64Field(string key) => key.EndsWith("_at", StringComparison.Ordinal) || key.EndsWith("_time", StringComparison.Ordinal) || key.EndsWith("_ms", StringComparison.Ordinal);

    private static string ToCamel(string snake) =>
        string.Concat(snake.Split('_').Select(static (w, i) => i == 0 || w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
