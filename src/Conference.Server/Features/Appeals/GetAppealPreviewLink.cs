using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Appeals;

/// <summary>A signed, short-lived address of an appeal's video, for a video element that cannot send a session header.</summary>
public sealed record AppealPreviewLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// A producer previews an appeal: the browser's player streams the file itself (HTTP ranges, seeking), instead of
/// the page fetching the whole video into memory with its session. Signing writes nothing.
/// </summary>
[Requires(Permission.ManageAppeals)]
public sealed record GetAppealPreviewLink(Guid ConferenceId, Guid AppealId) : IRequest<AppealPreviewLink>, IConferenceRequest;

public sealed class GetAppealPreviewLinkHandler(ConferenceDbContext db, AppealVideoLinks links, IOptions<AppealOptions> options, TimeProvider time)
    : IRequestHandler<GetAppealPreviewLink, AppealPreviewLink>
{
    public async Task<AppealPreviewLink> Handle(GetAppealPreviewLink request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exists = await db.Appeals.AsNoTracking().AnyAsync(a => a.Id == request.AppealId && a.ConferenceId == request.ConferenceId, cancellationToken);
        if (!exists)
        {
            throw new NotFoundException("appeal", request.AppealId);
        }

        // Whole seconds: the signature carries a Unix time, and the answer must say exactly when it stops working.
        var expires = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + options.Value.PreviewLinkLifetime).ToUnixTimeSeconds());
        return new AppealPreviewLink(links.Sign(request.ConferenceId, request.AppealId, expires), expires);
    }
}
