using System.Text.Json.Serialization;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>A contributor gives up their resumable upload: its partial file and state are removed (an expired one too).</summary>
[AllowAnonymousRequest]
public sealed record CancelSubmissionUpload(Guid UploadId) : IRequest<Unit>
{
    [JsonIgnore]
    public string? Token { get; init; }
}

public sealed class CancelSubmissionUploadHandler(ConferenceDbContext db, AppealUploads uploads, TimeProvider time)
    : IRequestHandler<CancelSubmissionUpload, Unit>
{
    public async Task<Unit> Handle(CancelSubmissionUpload request, CancellationToken cancellationToken)
    {
        // Giving up needs no live link: a contributor may clear their own partial file after a revocation or expiry too.
        var link = await SubmissionLinkAccess.KnownAsync(db, request.Token, cancellationToken);
        uploads.Cancel(link.ConferenceId, request.UploadId, time.GetUtcNow(), link.Id);
        return Unit.Value;
    }
}
