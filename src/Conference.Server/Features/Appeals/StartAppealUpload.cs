using System.Text.Json.Serialization;
using Conference.Domain.Appeals;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>Where a resumable upload stands: the next chunk starts at <c>offset</c>; it is complete at <c>size</c>.</summary>
public sealed record AppealUploadDto(Guid UploadId, long Offset, long Size, DateTimeOffset ExpiresAt)
{
    public static AppealUploadDto From(AppealUploadState state, long offset)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new AppealUploadDto(state.Id, offset, state.Size, state.ExpiresAt);
    }
}

/// <summary>
/// A producer starts a resumable upload: the appeal's details and the file's size in bytes. The chunks follow with
/// <see cref="ContinueAppealUpload"/>; the appeal exists once the last byte has arrived and the file passed its checks.
/// </summary>
[Requires(Permission.ManageAppeals)]
public sealed record StartAppealUpload(Guid? SegmentId, SenderKind? SenderKind, string? SenderName, string? Country, string? Language, string? Title,
    string? Message, long? Size)
    : IRequest<AppealUploadDto>, IConferenceRequest, IAppealDetails
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class StartAppealUploadValidator : AbstractValidator<StartAppealUpload>
{
    public StartAppealUploadValidator()
    {
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the video-appeals segment the appeal plays in ('segmentId').");
        RuleFor(r => r.Size).NotNull().WithMessage("Give the video file's size in bytes ('size').")
            .GreaterThan(0).WithMessage("The video file is empty: 'size' must be at least 1 byte.");
        Include(new AppealDetailsValidator());
    }
}

public sealed class StartAppealUploadHandler(ConferenceDbContext db, AppealIntake intake, AppealUploads uploads, TimeProvider time)
    : IRequestHandler<StartAppealUpload, AppealUploadDto>
{
    public async Task<AppealUploadDto> Handle(StartAppealUpload request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        AppealAdmission.EnsureAppealsSegment(program.Find(request.SegmentId!.Value));
        if (request.Size > intake.MaxBytes)
        {
            throw intake.TooLarge();
        }

        var now = time.GetUtcNow();
        var draft = request.ToDraft();
        var state = new AppealUploadState(Guid.NewGuid(), request.ConferenceId, request.SegmentId.Value, draft.SenderKind, draft.SenderName, draft.Country,
            draft.Language, draft.Title, draft.Message, request.Size!.Value, now, now + uploads.Lifetime);
        uploads.Create(state);
        return AppealUploadDto.From(state, 0);
    }
}
