using System.Text.Json.Serialization;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>What a contributor's chunk led to: the upload's new offset, and their appeal once the last chunk completed it.</summary>
public sealed record SubmissionUploadStep(AppealUploadDto Upload, SubmittedAppealDto? Appeal);

/// <summary>
/// A contributor sends the next chunk of their resumable upload (the raw body at <c>Upload-Offset</c>). The chunk that
/// completes the file runs the same checks as a one-shot submission; an upload begun before the deadline is taken.
/// </summary>
[AllowAnonymousRequest]
public sealed record ContinueSubmissionUpload(Guid UploadId, string? Offset) : IRequest<SubmissionUploadStep>
{
    [JsonIgnore]
    public string? Token { get; init; }

    [JsonIgnore]
    public Stream Content { get; init; } = Stream.Null;
}

public sealed class ContinueSubmissionUploadValidator : AbstractValidator<ContinueSubmissionUpload>
{
    public ContinueSubmissionUploadValidator() => RuleFor(r => r.Offset).MustBeUploadOffset();
}

public sealed class ContinueSubmissionUploadHandler(
    ConferenceDbContext db, AppealIntake intake, AppealUploads uploads, ProgramChangeNotifier notifier, TimeProvider time)
    : IRequestHandler<ContinueSubmissionUpload, SubmissionUploadStep>
{
    public async Task<SubmissionUploadStep> Handle(ContinueSubmissionUpload request, CancellationToken cancellationToken)
    {
        var (link, state) = await SubmissionUploadAccess.FindAsync(db, uploads, request.Token, request.UploadId, time.GetUtcNow(), cancellationToken);
        using var chunk = await uploads.WriteChunkAsync(state, UploadOffset.Parse(request.Offset), request.Content, cancellationToken);
        if (!chunk.Completes)
        {
            return new SubmissionUploadStep(AppealUploadDto.From(state, chunk.Offset), null);
        }

        return await uploads.CompleteAsync(state, intake, async staged =>
        {
            var (program, segment) = await AppealAdmission.SegmentOrDiscardAsync(db, intake, staged, link.ConferenceId, link.SegmentId, cancellationToken);
            var appeal = await SubmissionAdmission.AcceptAsync(
                db, intake, notifier, link, program, segment, state.ToDraft(), staged, state.CreatedAt, time.GetUtcNow(), cancellationToken);
            return new SubmissionUploadStep(AppealUploadDto.From(state, chunk.Offset), appeal);
        }, cancellationToken);
    }
}
