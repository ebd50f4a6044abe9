using Conference.Domain;
using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Attendance;

/// <summary>Every join and leave of a conference in join order: the attendance part of the post-event report.</summary>
[Requires(Permission.ViewAttendance)]
public sealed record GetAttendanceLog(Guid ConferenceId) : IRequest<IReadOnlyList<AttendanceEntryDto>>, IConferenceRequest;

public sealed record AttendanceEntryDto(
    Guid ParticipantId, string? DisplayName, string Country, IReadOnlyList<string> Roles, AttendanceSource Source,
    string ConnectionId, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt, int? DurationSeconds);

public sealed class GetAttendanceLogHandler(ConferenceDbContext db) : IRequestHandler<GetAttendanceLog, IReadOnlyList<AttendanceEntryDto>>
{
    public async Task<IReadOnlyList<AttendanceEntryDto>> Handle(GetAttendanceLog request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", request.ConferenceId);
        }

        var records = await db.AttendanceRecords.AsNoTracking().Where(r => r.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);
        var names = await AttendanceNames.ForAsync(db, request.ConferenceId, records.Select(r => r.ParticipantId), cancellationToken);

        // Ordered here: SQLite cannot order by DateTimeOffset.
        return [.. records.OrderBy(r => r.JoinedAt).ThenBy(r => r.Id).Select(r => new AttendanceEntryDto(
            r.ParticipantId,
            names.GetValueOrDefault(r.ParticipantId),
            r.Country,
            RoleNames.ToNames(r.Roles),
            r.Source,
            r.ConnectionId,
            r.JoinedAt,
            r.LeftAt,
            r.LeftAt is { } left ? (int)(left - r.JoinedAt).TotalSeconds : null))];
    }
}
