using Conference.Domain;
using Conference.Domain.Reports;
using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Reports;

/// <summary>
/// The post-event report, available during the event and after it. It is computed from the records
/// on every read (never stored), from the live part only (<see cref="LiveLog"/>), and holds no
/// e-mail address: recipients are named by the name on the award list, attendance only counts people.
/// </summary>
[Requires(Permission.ViewReport)]
public sealed record GetReport(Guid ConferenceId) : IRequest<PostEventReport>, IConferenceRequest;

/// <remarks>
/// It reads the log itself rather than the coordinator's state: the coordinator holds the whole log
/// (rehearsals included), the report only its live part.
/// </remarks>
public sealed class GetReportHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<GetReport, PostEventReport>
{
    public async Task<PostEventReport> Handle(GetReport request, CancellationToken cancellationToken)
    {
        var conference = await db.Conferences.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ConferenceId, cancellationToken)
            ?? throw new NotFoundException("conference", request.ConferenceId);
        var program = ShowProgram.From(conference);
        var window = await LiveLog.WindowAsync(db, request.ConferenceId, cancellationToken);
        var events = await LiveLog.EventsAsync(db, request.ConferenceId, window, cancellationToken);
        var stays = await db.AttendanceRecords.AsNoTracking().Where(r => r.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);
        var awards = await db.Awards.AsNoTracking().Where(a => a.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);
        var marks = await db.AwardMarks.AsNoTracking()
            .Where(m => m.ConferenceId == request.ConferenceId && m.ShowRevision >= window.FromRevision)
            .ToListAsync(cancellationToken);
        var statuses = await db.MediaStatusChanges.AsNoTracking().Where(s => s.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);

        var records = new PostEventRecords(
            conference.Title,
            conference.TimeZoneId,
            program,
            window.From,
            [.. events.Select(e => e.ToEvent())],
            stays,
            awards,
            marks,
            [.. statuses.Select(s => new MediaStatusPoint(s.At, s.State == MediaSyncState.Degraded, s.Error))]);
        return PostEventReport.Compute(records, time.GetUtcNow());
    }
}
