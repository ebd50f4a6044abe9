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
        uploads.Cancel(request.ConferenceId, request.UploadId, time.GetUtcNow());
        return Task.FromResult(Unit.Value);
    }
}
