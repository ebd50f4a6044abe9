using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace Conference.Contracts;

/// <summary>
/// A MessagePack resolver that speaks the JSON dialect: every type is serialized by System.Text.Json with the given
/// options and the resulting document is written as MessagePack (and read back the other way). Names, enum spellings
/// and the set of fields are therefore those of JSON by construction, for every type, now and after any change;
/// MessagePack's own conventions (PascalCase member names, integer enums, arrays for tuples, ticks for
/// <see cref="TimeSpan"/>) never reach the wire.
/// </summary>
public sealed class JsonDialectResolver(JsonSerializerOptions json) : IFormatterResolver
{
    private readonly ConcurrentDictionary<Type, object> _formatters = new();

    /// <summary>The JSON options that define the dialect.</summary>
    public JsonSerializerOptions Json { get; } = json ?? throw new ArgumentNullException(nameof(json));

    /// <inheritdoc />
    public IMessagePackFormatter<T> GetFormatter<T>() =>
        (IMessagePackFormatter<T>)_formatters.GetOrAdd(typeof(T), static (_, options) => new JsonDialectFormatter<T>(options), Json);
}

/// <summary>Writes a <typeparamref name="T"/> as its JSON document in MessagePack, and reads it back.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class JsonDialectFormatter<T>(JsonSerializerOptions json) : IMessagePackFormatter<T>
{
    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options)
    {
        using var document = JsonSerializer.SerializeToDocument(value, json);
        JsonToMessagePack.Write(ref writer, document.RootElement);
    }

    /// <inheritdoc />
    public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new ArrayBufferWriter<byte>(256);
        try
        {
            using (var jsonWriter = new Utf8JsonWriter(buffer))
            {
                MessagePackToJson.Write(ref reader, jsonWriter, options);
            }

            return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, json)!;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            // SignalR reports a MessagePack failure as a binding error of the invocation, with this message.
            throw new MessagePackSerializationException($"Not a valid {typeof(T).Name}: {exception.Message}", exception);
        }
    }
}

/// <summary>A JSON document as MessagePack: object → map, array → array, number → the smallest integer or float64.</summary>
internal static class JsonToMessagePack
{
    public static void Write(ref MessagePackWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteMapHeader(element.GetPropertyCount());
                foreach (var property in element.EnumerateObject())
                {
                    writer.Write(property.Name);
                    Write(ref writer, property.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    Write(ref writer, item);
                }

                break;
            case JsonValueKind.String:
                writer.Write(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.Write(integer);
                break;
            case JsonValueKind.Number when element.TryGetUInt64(out var unsigned):
                writer.Write(unsigned);
                break;
            case JsonValueKind.Number:
                writer.Write(element.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }
}

/// <summary>
/// MessagePack as a JSON document, for the JSON serializer to bind. Map keys must be strings. Binary becomes a base64
/// string (as JSON carries <c>byte[]</c>), a MessagePack timestamp an ISO 8601 UTC string (some clients encode dates
/// that way); other extensions are refused.
/// </summary>
internal static class MessagePackToJson
{
    public static void Write(ref MessagePackReader reader, Utf8JsonWriter json, MessagePackSerializerOptions options)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                options.Security.DepthStep(ref reader);
                var properties = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < properties; i++)
                {
                    if (reader.NextMessagePackType != MessagePackType.String)
                    {
                        throw new MessagePackSerializationException("Map keys must be strings.");
                    }

                    json.WritePropertyName(reader.ReadString()!);
                    Write(ref reader, json, options);
                }

                json.WriteEndObject();
                reader.Depth--;
                break;
            case MessagePackType.Array:
                options.Security.DepthStep(ref reader);
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                {
                    Write(ref reader, json, options);
                }

                json.WriteEndArray();
                reader.Depth--;
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Integer when reader.NextCode == MessagePackCode.UInt64:
                json.WriteNumberValue(reader.ReadUInt64());
                break;
            case MessagePackType.Integer:
                json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            case MessagePackType.Binary:
                var bytes = reader.ReadBytes() ?? default;
                json.WriteBase64StringValue(bytes.IsSingleSegment ? bytes.FirstSpan : bytes.ToArray());
                break;
            case MessagePackType.Extension when reader.CreatePeekReader().ReadExtensionFormatHeader().TypeCode
                == ReservedMessagePackExtensionTypeCode.DateTime:
                json.WriteStringValue(new DateTimeOffset(reader.ReadDateTime()));
                break;
            default:
                throw new MessagePackSerializationException($"MessagePack type {reader.NextMessagePackType} is not part of the dialect.");
        }
    }
}
