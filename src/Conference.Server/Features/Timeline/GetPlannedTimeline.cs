using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Conference.Server.Identity;

namespace Conference.Server.Features.Timeline;

/// <summary>The planned program with every instant in UTC, in the conference's zone and, if asked, in the viewer's.</summary>
[AllowAnonymousRequest]
public sealed record GetPlannedTimeline(Guid ConferenceId, string? ViewerTimeZone) : IRequest<PlannedTimelineDto>, IConferenceRequest;

public sealed record PlannedTimelineDto(
    Guid ConferenceId,
    int Revision,
    string TimeZone,
    string? ViewerTimeZone,
    ZonedInstant Start,
    ZonedInstant End,
    IReadOnlyList<PlannedSegmentDto> Segments);

public sealed record PlannedSegmentDto(
    Guid SegmentId, int Position, string Title, SegmentKind Kind, int DurationSeconds, ZonedInstant Start, ZonedInstant End);

/// <summary>
/// One instant three ways. <c>Conference</c> and <c>Viewer</c> carry the zone's offset at that
/// instant (daylight saving included), e.g. <c>2026-12-31T19:00:00+04:00</c>.
/// </summary>
public sealed record ZonedInstant(DateTimeOffset Utc, DateTimeOffset Conference, DateTimeOffset? Viewer);

public sealed class GetPlannedTimelineValidator : AbstractValidator<GetPlannedTimeline>
{
    public GetPlannedTimelineValidator() => RuleFor(t => t.ViewerTimeZone).IanaTimeZone().OverridePropertyName("tz");
}

public sealed class GetPlannedTimelineHandler(ConferenceDbContext db) : IRequestHandler<GetPlannedTimeline, PlannedTimelineDto>
{
    public async Task<PlannedTimelineDto> Handle(GetPlannedTimeline request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);

        // A zone stored before tzdata dropped it still renders, in UTC, rather than failing the read.
        var conferenceZone = TimeZones.FindIana(program.TimeZoneId) ?? TimeZoneInfo.Utc;
        var viewerZone = request.ViewerTimeZone is null ? null : TimeZones.FindIana(request.ViewerTimeZone);
        ZonedInstant Zoned(DateTimeOffset utc) => new(
            utc,
            TimeZoneInfo.ConvertTime(utc, conferenceZone),
            viewerZone is null ? null : TimeZoneInfo.ConvertTime(utc, viewerZone));

        var slots = program.PlannedSlots();
        var segments = program.Segments;
        var end = slots.Count == 0 ? program.ScheduledStart : slots[^1].End;
        return new PlannedTimelineDto(
            program.Id,
            program.Revision,
            program.TimeZoneId,
            request.ViewerTimeZone,
            Zoned(program.ScheduledStart),
            Zoned(end),
            [.. slots.Select((slot, i) => new PlannedSegmentDto(
                slot.SegmentId,
                slot.Position,
                segments[i].Title,
                segments[i].Kind,
                (int)segments[i].PlannedDuration.TotalSeconds,
                Zoned(slot.Start),
                Zoned(slot.End)))]);
    }
}
