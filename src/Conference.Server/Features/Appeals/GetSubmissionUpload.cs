using System.Text.Json.Serialization;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>Where a contributor's resumable upload stands, to resume it after a dropped connection.</summary>
[AllowAnonymousRequest]
public sealed record GetSubmissionUpload(Guid UploadId) : IRequest<AppealUploadDto>
{
    [JsonIgnore]
    public string? Token { get; init; }
}

public sealed class GetSubmissionUploadHandler(ConferenceDbContext db, AppealUploads uploads, TimeProvider time)
    : IRequestHandler<GetSubmissionUpload, AppealUploadDto>
{
    public async Task<AppealUploadDto> Handle(GetSubmissionUpload request, CancellationToken cancellationToken)
    {
        var (_, state) = await SubmissionUploadAccess.FindAsync(db, uploads, request.Token, request.UploadId, time.GetUtcNow(), cancellationToken);
        return AppealUploadDto.From(state, uploads.OffsetOf(state));
    }
}

/// <summary>A contributor's own upload: through their link only, and only while the link takes what was begun before its deadline.</summary>
public static class SubmissionUploadAccess
{
    public static async Task<(Domain.Appeals.SubmissionLink Link, AppealUploadState State)> FindAsync(
        ConferenceDbContext db, AppealUploads uploads, string? token, Guid uploadId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        var link = await SubmissionLinkAccess.KnownAsync(db, token, cancellationToken);
        var state = uploads.Find(link.ConferenceId, uploadId, now, link.Id);
        SubmissionLinkAccess.EnsureUsable(link, state.CreatedAt);
        return (link, state);
    }
}
