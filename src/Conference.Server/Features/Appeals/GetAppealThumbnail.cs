using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Appeals;

/// <summary>The still frame cut from an appeal's video at intake (JPEG).</summary>
[Requires(Permission.ManageAppeals)]
public sealed record GetAppealThumbnail(Guid ConferenceId, Guid AppealId) : IRequest<Stream>, IConferenceRequest;

public sealed class GetAppealThumbnailHandler(ConferenceDbContext db, IAppealStorage storage) : IRequestHandler<GetAppealThumbnail, Stream>
{
    public async Task<Stream> Handle(GetAppealThumbnail request, CancellationToken cancellationToken)
    {
        var key = await db.Appeals.AsNoTracking()
            .Where(a => a.Id == request.AppealId && a.ConferenceId == request.ConferenceId)
            .Select(a => a.Video.ThumbnailKey)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("appeal", request.AppealId);
        return storage.OpenRead(key) ?? throw new NotFoundException("thumbnail", request.AppealId);
    }
}
