using Conference.Domain;
using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Attendance;

/// <summary>
/// Who is connected now, counted as people (two tabs are one person; a hub connection and a media
/// session of one person are one person), by country and by role.
/// </summary>
[Requires(Permission.ViewAttendance)]
public sealed record GetAttendance(Guid ConferenceId) : IRequest<AttendanceDto>, IConferenceRequest;

public sealed record AttendanceDto(
    Guid ConferenceId,
    DateTimeOffset At,
    int ConnectedNow,
    int Connections,
    IReadOnlyList<CountryCount> ByCountry,
    IReadOnlyList<RoleCount> ByRole,
    IReadOnlyList<PresentParticipant> Present);

public sealed record CountryCount(string Country, int Participants);

public sealed record RoleCount(string Role, int Participants);

public sealed record PresentParticipant(
    Guid ParticipantId, string? DisplayName, string Country, IReadOnlyList<string> Roles, DateTimeOffset Since, IReadOnlyList<AttendanceSource> Sources);

public sealed class GetAttendanceHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<GetAttendance, AttendanceDto>
{
    public async Task<AttendanceDto> Handle(GetAttendance request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", request.ConferenceId);
        }

        var open = await db.AttendanceRecords.AsNoTracking()
            .Where(r => r.ConferenceId == request.ConferenceId && r.LeftAt == null)
            .ToListAsync(cancellationToken);
        var names = await AttendanceNames.ForAsync(db, request.ConferenceId, open.Select(r => r.ParticipantId), cancellationToken);
        var present = open.GroupBy(r => r.ParticipantId)
            .Select(g => new PresentParticipant(
                g.Key,
                names.GetValueOrDefault(g.Key),
                g.First().Country,
                RoleNames.ToNames(g.Aggregate(ParticipantRoles.None, (roles, r) => roles | r.Roles)),
                g.Min(r => r.JoinedAt),
                [.. g.Select(r => r.Source).Distinct().Order()]))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal)
            .ToList();

        return new AttendanceDto(
            request.ConferenceId,
            time.GetUtcNow(),
            present.Count,
            open.Count,
            [.. present.GroupBy(p => p.Country).Select(g => new CountryCount(g.Key, g.Count()))
                .OrderByDescending(c => c.Participants).ThenBy(c => c.Country, StringComparer.Ordinal)],
            [.. RoleNames.All.Select(role => new RoleCount(RoleNames.Name(role), present.Count(p => p.Roles.Contains(RoleNames.Name(role)))))],
            present);
    }
}

internal static class AttendanceNames
{
    /// <summary>Current display names; a participant deleted since has none, but their stays remain.</summary>
    public static async Task<Dictionary<Guid, string>> ForAsync(
        ConferenceDbContext db, Guid conferenceId, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Participants.AsNoTracking()
            .Where(p => p.ConferenceId == conferenceId && wanted.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
    }
}
