using Conference.Server.Identity;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>Where a resumable upload stands, to resume it after a dropped connection: the next chunk starts at its offset.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record GetAppealUpload(Guid ConferenceId, Guid UploadId) : IRequest<AppealUploadDto>, IConferenceRequest;

public sealed class GetAppealUploadHandler(AppealUploads uploads, TimeProvider time) : IRequestHandler<GetAppealUpload, AppealUploadDto>
{
    public Task<AppealUploadDto> Handle(GetAppealUpload request, CancellationToken cancellationToken)
    {
        var state = uploads.Find(request.ConferenceId, request.UploadId, time.GetUtcNow());
        return Task.FromResult(AppealUploadDto.From(state, uploads.OffsetOf(state)));
    }
}
