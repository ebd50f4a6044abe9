using System.Globalization;
using System.Text.Json.Serialization;
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

    public long ParsedOffset => UploadOffset.Parse(Offset);
}

public sealed class ContinueAppealUploadValidator : AbstractValidator<ContinueAppealUpload>
{
    public ContinueAppealUploadValidator() => RuleFor(r => r.Offset).MustBeUploadOffset();
}

/// <summary>The <c>Upload-Offset</c> header of a chunk, for producers' and contributors' uploads alike.</summary>
public static class UploadOffset
{
    public static long Parse(string? header) => long.Parse(header!, NumberStyles.None, CultureInfo.InvariantCulture);

    public static IRuleBuilderOptions<T, string?> MustBeUploadOffset<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(o => long.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OverridePropertyName("uploadOffset")
            .WithMessage($"Say where this chunk starts in the '{ContinueAppealUpload.OffsetHeader}' header: "
                + "a whole number of bytes, the upload's current offset.");
}

public sealed class ContinueAppealUploadHandler(
    ConferenceDbContext db, AppealIntake intake, AppealUploads uploads, ProgramChangeNotifier notifier, TimeProvider time)
    : IRequestHandler<ContinueAppealUpload, AppealUploadStep>
{
    public async Task<AppealUploadStep> Handle(ContinueAppealUpload request, CancellationToken cancellationToken)
    {
        var state = uploads.Find(request.ConferenceId, request.UploadId, time.GetUtcNow());
        using var chunk = await uploads.WriteChunkAsync(state, request.ParsedOffset, request.Content, cancellationToken);
        if (!chunk.Completes)
        {
            return new AppealUploadStep(AppealUploadDto.From(state, chunk.Offset), null);
        }

        // Complete: from here on the upload is an ordinary staged video, admitted or refused leaving nothing behind.
        return await uploads.CompleteAsync(state, intake, async staged =>
        {
            var (program, segment) = await AppealAdmission.SegmentOrDiscardAsync(db, intake, staged, request.ConferenceId, state.SegmentId, cancellationToken);
            var appeal = await AppealAdmission.AdmitAsync(
                db, intake, notifier, program, segment, state.ToDraft(), staged, sourceUrl: null, linkId: null, time.GetUtcNow(), cancellationToken);
            return new AppealUploadStep(AppealUploadDto.From(state, chunk.Offset), appeal);
        }, cancellationToken);
    }
}
