using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Conference.Server.Persistence;

/// <summary>
/// Small value objects (per-language texts) stored as one JSON text column: they are read and written
/// whole with their row and never queried into, so a table of their own would only add joins.
/// </summary>
public static class JsonTextColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<IReadOnlyDictionary<string, T>> AsJsonText<T>(this PropertyBuilder<IReadOnlyDictionary<string, T>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => (IReadOnlyDictionary<string, T>?)JsonSerializer.Deserialize<Dictionary<string, T>>(json, Options) ?? new Dictionary<string, T>(),
            new ValueComparer<IReadOnlyDictionary<string, T>>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<Dictionary<string, T>>(JsonSerializer.Serialize(value, Options), Options)!));
        property.IsRequired().HasDefaultValueSql("'{}'");
        return property;
    }

    public static PropertyBuilder<IReadOnlyList<T>> AsJsonList<T>(this PropertyBuilder<IReadOnlyList<T>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Options),
            json => (IReadOnlyList<T>?)JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(value, Options), Options)!));
        property.IsRequired().HasDefaultValueSql("'[]'");
        return property;
    }
}
