using System.Globalization;
using System.Text;
using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Timeline;

/// <summary>The planned program as an iCalendar (RFC 5545) file: one event per segment, times in UTC.</summary>
public sealed record ExportCalendar(Guid Id) : IRequest<CalendarFile>;

public sealed record CalendarFile(string FileName, string Content);

public sealed class ExportCalendarHandler(ConferenceDbContext db, TimeProvider clock) : IRequestHandler<ExportCalendar, CalendarFile>
{
    public async Task<CalendarFile> Handle(ExportCalendar request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var program = await db.LoadAsync(request.Id, cancellationToken);
        return new CalendarFile($"conference-{program.Id:N}.ics", Write(program, clock.GetUtcNow()));
    }

    internal static string Write(ConferenceProgram program, DateTimeOffset stamp)
    {
        var ics = new StringBuilder();
        void Line(string text) => ics.Append(Fold(text)).Append("\r\n");

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Conference Orchestration//Program//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(program.Title));
        Line("X-WR-TIMEZONE:" + program.TimeZoneId);
        var segments = program.Segments;
        foreach (var slot in program.PlannedSlots())
        {
            var segment = segments[slot.Position];
            Line("BEGIN:VEVENT");
            Line($"UID:{segment.Id:D}@{program.Id:N}.conference");
            Line($"SEQUENCE:{program.Revision}");
            Line("DTSTAMP:" + Utc(stamp));
            Line("DTSTART:" + Utc(slot.Start));
            Line("DTEND:" + Utc(slot.End));
            Line("SUMMARY:" + Escape(segment.Title));
            Line("DESCRIPTION:" + Escape(Describe(program, segment)));
            Line("CATEGORIES:" + segment.Kind);
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return ics.ToString();
    }

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

        if (segment.Notes is not null)
        {
            parts.Add(segment.Notes);
        }

        return string.Join("\n", parts);
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in text values.</summary>
    internal static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 character.</summary>
    internal static string Fold(string line)
    {
        var folded = new StringBuilder();
        var octets = 0;
        const int limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                folded.Append("\r\n ");
                octets = 1;
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.ToString();
    }
}
