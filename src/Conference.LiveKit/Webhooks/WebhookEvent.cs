using System.Text.Json;

namespace Conference.LiveKit;

/// <summary>A LiveKit webhook notification (<c>livekit.WebhookEvent</c>).</summary>
public sealed record WebhookEvent
{
    /// <summary>The event name, e.g. <c>participant_joined</c> (see <see cref="WebhookEventNames"/>).</summary>
    public string Event { get; init; } = "";

    /// <summary>The room the event concerns.</summary>
    public Room? Room { get; init; }

    /// <summary>The participant the event concerns.</summary>
    public ParticipantInfo? Participant { get; init; }

    /// <summary>The track the event concerns.</summary>
    public TrackInfo? Track { get; init; }

    /// <summary>The egress the event concerns.</summary>
    public EgressInfo? EgressInfo { get; init; }

    /// <summary>The ingress the event concerns.</summary>
    public IngressInfo? IngressInfo { get; init; }

    /// <summary>A unique id; LiveKit may deliver an event more than once, so receivers de-duplicate on it.</summary>
    public string Id { get; init; } = "";

    /// <summary>When the event was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>How many events the server dropped before this one.</summary>
    public int NumDropped { get; init; }

    internal static WebhookEvent Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            Utf8JsonReader reader = new(body);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            ProtoJson json = new(document.RootElement);
            if (!json.IsObject)
            {
                throw new WebhookFormatException("The webhook body is not a JSON object.");
            }

            return new WebhookEvent
            {
                Event = json.String("event"),
                Room = json.Message("room") is { } room ? Room.FromProto(room) : null,
                Participant = json.Message("participant") is { } participant ? ParticipantInfo.FromProto(participant) : null,
                Track = json.Message("track") is { } track ? TrackInfo.FromProto(track) : null,
                EgressInfo = json.Message("egress_info") is { } egress ? EgressInfo.FromProto(egress) : null,
                IngressInfo = json.Message("ingress_info") is { } ingress ? IngressInfo.FromProto(ingress) : null,
                Id = json.String("id"),
                CreatedAt = json.UnixSeconds("created_at"),
                NumDropped = json.Int32("num_dropped"),
            };
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("The webhook body is not JSON (or not UTF-8).", ex);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Numbers out of range (a 1e12 counter, a ±1e18 timestamp) or a string with a lone surrogate escape.
            throw new WebhookFormatException("The webhook body has a value out of range or a string that is not valid Unicode.", ex);
        }
    }
}

/// <summary>The event names LiveKit sends.</summary>
public static class WebhookEventNames
{
    /// <summary>A room was created.</summary>
    public const string RoomStarted = "room_started";

    /// <summary>A room closed.</summary>
    public const string RoomFinished = "room_finished";

    /// <summary>A participant joined.</summary>
    public const string ParticipantJoined = "participant_joined";

    /// <summary>A participant left.</summary>
    public const string ParticipantLeft = "participant_left";

    /// <summary>A participant's connection failed before it fully joined.</summary>
    public const string ParticipantConnectionAborted = "participant_connection_aborted";

    /// <summary>A track was published.</summary>
    public const string TrackPublished = "track_published";

    /// <summary>A track was unpublished.</summary>
    public const string TrackUnpublished = "track_unpublished";

    /// <summary>An egress started.</summary>
    public const string EgressStarted = "egress_started";

    /// <summary>An egress changed.</summary>
    public const string EgressUpdated = "egress_updated";

    /// <summary>An egress ended.</summary>
    public const string EgressEnded = "egress_ended";

    /// <summary>An ingress started.</summary>
    public const string IngressStarted = "ingress_started";

    /// <summary>An ingress ended.</summary>
    public const string IngressEnded = "ingress_ended";
}
