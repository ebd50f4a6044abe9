using System.Text.Json.Serialization;
using Conference.Domain.Appeals;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// A contributor starts a resumable upload through their submission link (the token in <c>X-Submission-Token</c>):
/// the appeal's details and the file's size. Chunks follow with <see cref="ContinueSubmissionUpload"/>, as for a
/// producer's upload; the appeal is the link's (added, or replacing the one sent before) once the last byte is in.
/// </summary>
[AllowAnonymousRequest]
public sealed record StartSubmissionUpload(SenderKind? SenderKind, string? SenderName, string? Country, string? Language, string? Title,
    string? Message, long? Size)
    : IRequest<AppealUploadDto>, IAppealDetails
{
    [JsonIgnore]
    public string? Token { get; init; }
}

public sealed class StartSubmissionUploadValidator : AbstractValidator<StartSubmissionUpload>
{
    public StartSubmissionUploadValidator()
    {
        RuleFor(r => r.Size).NotNull().WithMessage("Give the video file's size in bytes ('size').")
            .GreaterThan(0).WithMessage("The video file is empty: 'size' must be at least 1 byte.");
        Include(new AppealDetailsValidator());
    }
}

public sealed class StartSubmissionUploadHandler(ConferenceDbContext db, AppealIntake intake, AppealUploads uploads, TimeProvider time)
    : IRequestHandler<StartSubmissionUpload, AppealUploadDto>
{
    public async Task<AppealUploadDto> Handle(StartSubmissionUpload request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var link = await SubmissionLinkAccess.UsableAsync(db, request.Token, now, cancellationToken);
        var (_, segment) = await SubmissionAdmission.SegmentAsync(db, link, cancellationToken);
        AppealAdmission.EnsureAppealsSegment(segment);
        if (request.Size > intake.MaxBytes)
        {
            throw intake.TooLarge();
        }

        var draft = request.ToDraft();
        var state = new AppealUploadState(Guid.NewGuid(), link.ConferenceId, link.SegmentId, draft.SenderKind, draft.SenderName, draft.Country,
            draft.Language, draft.Title, draft.Message, request.Size!.Value, now, now + uploads.Lifetime, link.Id);
        uploads.Create(state);
        return AppealUploadDto.From(state, 0);
    }
}
