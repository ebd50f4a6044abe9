using Conference.Server.Identity;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>A producer gives up a resumable upload: its partial file and state are removed (an expired one too).</summary>
[Requires(Permission.ManageAppeals)]
public sealed record CancelAppealUpload(Guid ConferenceId, Guid UploadId) : IRequest<Unit>, IConferenceRequest;

public sealed class CancelAppealUploadHandler(AppealUploads uploads, TimeProvider time) : IRequestHandler<CancelAppealUpload, Unit>
{
    public Task<Unit> Handle(CancelAppealUpload request, CancellationToken cancellationToken)
    {
        AppealUploadState state;
        try
        {
            state = uploads.Find(request.ConferenceId, request.UploadId, time.GetUtcNow());
        }
        catch (AppealUploadExpiredException)
        {
            uploads.Remove(request.ConferenceId, request.UploadId);
            return Task.FromResult(Unit.Value);
        }

        using var claim = uploads.TryClaim(state.Id)
            ?? throw new AppealUploadConflictException(
                "A chunk of this upload is being written right now; cancel it once that request ended.", uploads.OffsetOf(state));
        uploads.Remove(state.ConferenceId, state.Id);
        return Task.FromResult(Unit.Value);
    }
}
