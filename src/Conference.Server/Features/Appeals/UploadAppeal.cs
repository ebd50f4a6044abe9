using System.Text.Json.Serialization;
using Conference.Domain.Appeals;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// A producer uploads an appeal: the details in the query, the video file as the raw request body. The
/// file is checked with FFmpeg before anything is kept; the appeal waits for review at the end of its queue.
/// </summary>
[Requires(Permission.ManageAppeals)]
public sealed record UploadAppeal(Guid? SegmentId, SenderKind? SenderKind, string? SenderName, string? Country, string? Language, string? Title,
    string? Message)
    : IRequest<AppealDto>, IConferenceRequest, IAppealDetails
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Stream Content { get; init; } = Stream.Null;
}

public sealed class UploadAppealValidator : AbstractValidator<UploadAppeal>
{
    public UploadAppealValidator()
    {
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the video-appeals segment the appeal plays in ('segmentId').");
        Include(new AppealDetailsValidator());
    }
}

public sealed class UploadAppealHandler(ConferenceDbContext db, AppealIntake intake, ProgramChangeNotifier notifier, TimeProvider time)
    : IRequestHandler<UploadAppeal, AppealDto>
{
    public async Task<AppealDto> Handle(UploadAppeal request, CancellationToken cancellationToken)
    {
        // Fail on a wrong segment before the (possibly large) file is read.
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var segment = program.Find(request.SegmentId!.Value);
        AppealAdmission.EnsureAppealsSegment(segment);

        var staged = await intake.StageAsync(request.Content, cancellationToken);
        return await AppealAdmission.AdmitAsync(
            db, intake, notifier, program, segment, request.ToDraft(), staged, sourceUrl: null, linkId: null, time.GetUtcNow(), cancellationToken);
    }
}
