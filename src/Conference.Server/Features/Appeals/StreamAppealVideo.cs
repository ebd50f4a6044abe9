using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Appeals;

/// <summary>A stored video opened for streaming (the endpoint serves HTTP range requests from it).</summary>
public sealed record AppealVideoFile(Stream Content, string ContentType);

/// <summary>
/// The video behind a signed address: no session needed (a video element or the media server's ingress
/// fetches it), but only with a valid, unexpired signature for this very appeal.
/// </summary>
[AllowAnonymousRequest]
public sealed record StreamAppealVideo(Guid AppealId, Guid? Conference, long? Expires, string? Signature) : IRequest<AppealVideoFile>;

public sealed class StreamAppealVideoHandler(ConferenceDbContext db, IAppealStorage storage, AppealVideoLinks links, TimeProvider time)
    : IRequestHandler<StreamAppealVideo, AppealVideoFile>
{
    public async Task<AppealVideoFile> Handle(StreamAppealVideo request, CancellationToken cancellationToken)
    {
        if (request.Conference is not { } conferenceId || request.Expires is not { } expires
            || !links.IsValid(conferenceId, request.AppealId, expires, request.Signature, time.GetUtcNow()))
        {
            throw new AccessDeniedException("This video address is not valid or has expired; ask for a fresh one.", authenticated: true);
        }

        return await AppealVideos.OpenAsync(db, storage, conferenceId, request.AppealId, cancellationToken);
    }
}

/// <summary>A producer previews an appeal's video before approving it.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record PreviewAppealVideo(Guid ConferenceId, Guid AppealId) : IRequest<AppealVideoFile>, IConferenceRequest;

public sealed class PreviewAppealVideoHandler(ConferenceDbContext db, IAppealStorage storage) : IRequestHandler<PreviewAppealVideo, AppealVideoFile>
{
    public Task<AppealVideoFile> Handle(PreviewAppealVideo request, CancellationToken cancellationToken) =>
        AppealVideos.OpenAsync(db, storage, request.ConferenceId, request.AppealId, cancellationToken);
}

public static class AppealVideos
{
    public static async Task<AppealVideoFile> OpenAsync(
        ConferenceDbContext db, IAppealStorage storage, Guid conferenceId, Guid appealId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(storage);
        var key = await db.Appeals.AsNoTracking()
            .Where(a => a.Id == appealId && a.ConferenceId == conferenceId)
            .Select(a => a.Video.StorageKey)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("appeal", appealId);
        var stream = storage.OpenRead(key) ?? throw new NotFoundException("video", appealId);
        return new AppealVideoFile(stream, key.EndsWith(".webm", StringComparison.Ordinal) ? "video/webm" : "video/mp4");
    }
}
