using System.Globalization;
using System.Text.Json.Serialization;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>What a chunk led to: the upload's new offset, and the appeal once the last chunk completed it.</summary>
public sealed record AppealUploadStep(AppealUploadDto Upload, AppealDto? Appeal);

/// <summary>
/// A producer sends the next chunk of a resumable upload: the raw body, starting at <c>Upload-Offset</c>, which must
/// be where the upload stands. The chunk that completes the file runs the same checks as a one-shot upload.
/// </summary>
[Requires(Permission.ManageAppeals)]
public sealed record ContinueAppealUpload(Guid UploadId, string? Offset) : IRequest<AppealUploadStep>, IConferenceRequest
{
    public const string OffsetHeader = "Upload-Offset";

    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Stream Content { get; init; } = Stream.Null;

    public long ParsedOffset => long.Parse(Offset!, NumberStyles.None, CultureInfo.InvariantCulture);
}

public sealed class ContinueAppealUploadValidator : AbstractValidator<ContinueAppealUpload>
{
    public ContinueAppealUploadValidator()
    {
        RuleFor(r => r.Offset)
            .Must(o => long.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OverridePropertyName("uploadOffset")
            .WithMessage($"Say where this chunk starts in the '{ContinueAppealUpload.OffsetHeader}' header: "
                + "a whole number of bytes, the upload's current offset.");
    }
}

public sealed class ContinueAppealUploadHandler(
    ConferenceDbContext db, AppealIntake intake, AppealUploads uploads, ProgramChangeNotifier notifier, TimeProvider time)
    : IRequestHandler<ContinueAppealUpload, AppealUploadStep>
{
    public async Task<AppealUploadStep> Handle(ContinueAppealUpload request, CancellationToken cancellationToken)
    {
        var state = uploads.Find(request.ConferenceId, request.UploadId, time.GetUtcNow());
        using var claim = uploads.TryClaim(state.Id)
            ?? throw new AppealUploadConflictException(
                "Another chunk of this upload is being written right now; wait for it, then ask for the offset.", uploads.OffsetOf(state));

        var offset = uploads.OffsetOf(state);
        if (request.ParsedOffset != offset)
        {
            throw new AppealUploadConflictException(
                $"The upload stands at offset {offset}, not {request.ParsedOffset}; send the chunk from offset {offset}.", offset);
        }

        offset = await uploads.AppendAsync(state, request.Content, cancellationToken);
        if (offset < state.Size)
        {
            return new AppealUploadStep(AppealUploadDto.From(state, offset), null);
        }

        // Complete: from here on the upload is an ordinary staged video, admitted or refused leaving nothing behind.
        var videoPath = uploads.Complete(state);
        try
        {
            var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
            var segment = program.Find(state.SegmentId);
            AppealAdmission.EnsureAppealsSegment(segment);
            var staged = await intake.CheckAsync(videoPath, cancellationToken);
            var appeal = await AppealAdmission.AdmitAsync(
                db, intake, notifier, program, segment, state.ToDraft(), staged, sourceUrl: null, linkId: null, time.GetUtcNow(), cancellationToken);
            return new AppealUploadStep(AppealUploadDto.From(state, offset), appeal);
        }
        finally
        {
            // The intake and the admission delete what they refuse; this catches a refusal before the checks began.
            AppealIntake.DeleteQuietly(videoPath);
        }
    }
}
