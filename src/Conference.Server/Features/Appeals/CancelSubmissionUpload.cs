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
        AppealUploadState state;
        try
        {
            state = uploads.Find(link.ConferenceId, request.UploadId, time.GetUtcNow(), link.Id);
        }
        catch (AppealUploadExpiredException)
        {
            uploads.Remove(link.ConferenceId, request.UploadId);
            return Unit.Value;
        }

        using var claim = uploads.TryClaim(state.Id)
            ?? throw new AppealUploadConflictException(
                "A chunk of this upload is being written right now; cancel it once that request ended.", uploads.OffsetOf(state));
        uploads.Remove(link.ConferenceId, state.Id);
        return Unit.Value;
    }
}
