using System.Text.Json;
using Conference.Domain.Programs;
using Conference.Domain.Show;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Persistence;

/// <summary>
/// One row of a conference's append-only show log. The primary key (conference, revision) is the
/// unique index that makes a second writer of the same revision fail instead of advancing the show twice.
/// </summary>
public sealed class ShowEventRecord
{
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    public Guid ConferenceId { get; set; }

    /// <summary>The revision this event produced: 1 for the first event of the show.</summary>
    public int Revision { get; set; }

    /// <summary>The event's JSON discriminator, kept as a column so recovery can query the log without parsing it.</summary>
    public string Type { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The whole event as JSON with its <c>"type"</c> discriminator.</summary>
    public string Payload { get; set; } = string.Empty;

    public const string ShowEndedType = "showEnded";
    public const string ShowResetType = "showReset";

    public static ShowEventRecord From(Guid conferenceId, int revision, ShowEvent @event)
    {
        var payload = JsonSerializer.Serialize(@event, PayloadJson);
        using var document = JsonDocument.Parse(payload);
        return new ShowEventRecord
        {
            ConferenceId = conferenceId,
            Revision = revision,
            Type = document.RootElement.GetProperty("type").GetString()!,
            At = @event.At,
            Payload = payload,
        };
    }

    public ShowEvent ToEvent() =>
        JsonSerializer.Deserialize<ShowEvent>(Payload, PayloadJson)
        ?? throw new InvalidOperationException($"Show event {ConferenceId}/{Revision} is empty.");
}

public static class ShowEventModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ShowEventRecord>(log =>
        {
            log.ToTable("ShowEvents");
            log.HasKey(e => new { e.ConferenceId, e.Revision });
            log.Property(e => e.Type).HasMaxLength(32).IsRequired();
            log.Property(e => e.Payload).IsRequired();

            // Deleting a conference deletes its show; the log is never edited otherwise.
            log.HasOne<ConferenceProgram>().WithMany().HasForeignKey(e => e.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        });
}
