using System.Text.Json;
using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;
using Conference.Server.Persistence;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Conference.Server.Identity;

namespace Conference.Server.Features.Timeline;

/// <summary>The planned program as an iCalendar (RFC 5545) file: one event per segment, times in UTC.</summary>
[AllowAnonymousRequest]
public sealed record ExportCalendar(Guid ConferenceId) : IRequest<CalendarFile>, IConferenceRequest;

public sealed record CalendarFile(string FileName, string Content);

public sealed class ExportCalendarHandler(ConferenceDbContext db, TimeProvider clock) : IRequestHandler<ExportCalendar, CalendarFile>
{
    public async Task<CalendarFile> Handle(ExportCalendar request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        return new CalendarFile($"conference-{program.Id:N}.ics", Write(program, clock.GetUtcNow()));
    }

    internal static string Write(ConferenceProgram program, DateTimeOffset stamp)
    {
        var calendar = new Calendar { ProductId = "-//Conference Orchestration//Program//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", program.Title);
        calendar.AddProperty("X-WR-TIMEZONE", program.TimeZoneId);
        var segments = program.Segments;
        foreach (var slot in program.PlannedSlots())
        {
            var segment = segments[slot.Position];
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{segment.Id:D}@{program.Id:N}.conference",
                Sequence = program.Revision,
                DtStamp = Utc(stamp),
                DtStart = Utc(slot.Start),
                DtEnd = Utc(slot.End),
                Summary = segment.Title,
                Description = Describe(program, segment),
                Categories = [JsonNamingPolicy.CamelCase.ConvertName(segment.Kind.ToString())],
            });
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>What attendees may read: segment notes are for hosts and speakers and stay out of a public file.</summary>
    private static string Describe(ConferenceProgram program, Segment segment)
    {
        var parts = new List<string> { program.Title };
        if (segment.Speaker is { } speaker)
        {
            parts.Add($"Speaker: {speaker.Name}{(speaker.Title is null ? string.Empty : ", " + speaker.Title)} ({speaker.Country})");
        }

        if (segment.AwardName is not null)
        {
            parts.Add("Award: " + segment.AwardName);
        }

        return string.Join("\n", parts);
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime);
}
