using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Attendance;

public static class AttendanceEndpoints
{
    public static void MapAttendanceEndpoints(this RouteGroupBuilder conferences)
    {
        var attendance = conferences.MapGroup("/{id:guid}/attendance").WithTags("Attendance");
        attendance.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetAttendance(id), ct))
            .WithName(nameof(GetAttendance)).ProducesAccessProblems().ProducesNotFound();
        attendance.MapGet("/log", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetAttendanceLog(id), ct))
            .WithName(nameof(GetAttendanceLog)).ProducesAccessProblems().ProducesNotFound();
    }
}
