using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Media;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Media;

/// <summary>
/// The conference's media status as last known: what the director last reported on this node, else the last change
/// stored for the report (after a restart, before the loop's first pass), else pending. A read only: reconciling is
/// the loop's job, so asking for the status never calls the media server nor races the loop.
/// </summary>
[Requires(Permission.ViewMediaStatus)]
public sealed record GetMediaStatus(Guid ConferenceId) : IRequest<MediaStatus>, IConferenceRequest;

public sealed class GetMediaStatusHandler(ConferenceDbContext db, MediaStatusBoard board, IMediaProvider provider, TimeProvider clock)
    : IRequestHandler<GetMediaStatus, MediaStatus>
{
    public async Task<MediaStatus> Handle(GetMediaStatus request, CancellationToken cancellationToken)
    {
        if (board.Get(request.ConferenceId) is { } known)
        {
            return known;
        }

        if (!await db.Conferences.AsNoTracking().AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", request.ConferenceId);
        }

        // Ordered here: SQLite cannot order by a DateTimeOffset column, and a conference has few status changes.
        var stored = (await db.MediaStatusChanges.AsNoTracking()
                .Where(s => s.ConferenceId == request.ConferenceId)
                .ToListAsync(cancellationToken))
            .MaxBy(s => s.At);
        return stored is null
            ? new MediaStatus(request.ConferenceId, provider.Name, MediaSyncState.Pending, null, clock.GetUtcNow(), null, null)
            : new MediaStatus(request.ConferenceId, stored.Provider, stored.State, stored.Error, stored.At, null, null);
    }
}
