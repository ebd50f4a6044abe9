using Conference.Server.Infrastructure;
using Conference.Domain.Appeals;
using Microsoft.AspNetCore.Http.Metadata;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Conference.Server.Features.Appeals;

/// <summary>Video appeals under <c>/api/conferences/{id}/appeals</c>: producers collect, review, order and play them.</summary>
public static class AppealsEndpoints
{
    public static void MapAppealsEndpoints(this RouteGroupBuilder conferences)
    {
        ArgumentNullException.ThrowIfNull(conferences);
        var appeals = conferences.MapGroup("/{id:guid}/appeals").WithTags("Appeals");
        appeals.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListAppeals(id), ct))
            .WithName(nameof(ListAppeals)).ProducesAccessProblems().ProducesNotFound();

        // The video is the raw body, streamed to disk as it arrives; the details come in the query.
        appeals.MapPost("/", async (
            Guid id, Guid? segmentId, string? senderKind, string? senderName, string? country, string? language, string? title, string? message,
            HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(
                new UploadAppeal(segmentId, ParseKind(senderKind), senderName, country, language, title, message)
                {
                    ConferenceId = id,
                    Content = request.Body,
                },
                ct);
            return TypedResults.Created($"/api/conferences/{id}/appeals/{created.Id}", created);
        })
            .WithName(nameof(UploadAppeal)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Accepts<Stream>("video/mp4", "video/webm", "video/quicktime", "application/octet-stream")
            .WithMetadata(new LargeUpload());

        // Resumable uploads (docs/appeals.md): start with the details and the size, send chunks at the offset the
        // server reports, resume after a dropped connection from the offset a GET tells.
        var uploads = appeals.MapGroup("/uploads");
        uploads.MapPost("/", async (Guid id, StartAppealUpload command, IMediator m, CancellationToken ct) =>
        {
            var started = await m.Send(command with { ConferenceId = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}/appeals/uploads/{started.UploadId}", started);
        })
            .WithName(nameof(StartAppealUpload)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        uploads.MapGet("/{uploadId:guid}", (Guid id, Guid uploadId, IMediator m, CancellationToken ct) => m.Send(new GetAppealUpload(id, uploadId), ct))
            .WithName(nameof(GetAppealUpload)).ProducesAccessProblems().ProducesNotFound().ProducesProblem(StatusCodes.Status410Gone);
        uploads.MapPatch("/{uploadId:guid}", async Task<Results<Ok<AppealUploadDto>, Created<AppealDto>>> (
            Guid id, Guid uploadId, [FromHeader(Name = ContinueAppealUpload.OffsetHeader)] string? offset, HttpRequest request, IMediator m,
            CancellationToken ct) =>
        {
            var step = await m.Send(new ContinueAppealUpload(uploadId, offset) { ConferenceId = id, Content = request.Body }, ct);
            return step.Appeal is { } appeal
                ? TypedResults.Created($"/api/conferences/{id}/appeals/{appeal.Id}", appeal)
                : TypedResults.Ok(step.Upload);
        })
            .WithName(nameof(ContinueAppealUpload)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict()
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Accepts<Stream>("application/offset+octet-stream", "application/octet-stream")
            .WithMetadata(new LargeUpload());
        uploads.MapDelete("/{uploadId:guid}", async (Guid id, Guid uploadId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new CancelAppealUpload(id, uploadId), ct);
            return TypedResults.NoContent();
        }).WithName(nameof(CancelAppealUpload)).ProducesAccessProblems().ProducesNotFound().ProducesConflict();

        // The server fetches the file itself, from public addresses only (Appeals:AllowPrivateUrls for development).
        appeals.MapPost("/from-url", async (Guid id, AddAppealFromUrl command, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(command with { ConferenceId = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}/appeals/{created.Id}", created);
        })
            .WithName(nameof(AddAppealFromUrl)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        appeals.MapGet("/{appealId:guid}", (Guid id, Guid appealId, IMediator m, CancellationToken ct) => m.Send(new GetAppeal(id, appealId), ct))
            .WithName(nameof(GetAppeal)).ProducesAccessProblems().ProducesNotFound();
        appeals.MapGet("/{appealId:guid}/thumbnail", async (Guid id, Guid appealId, IMediator m, CancellationToken ct) =>
            TypedResults.Stream(await m.Send(new GetAppealThumbnail(id, appealId), ct), "image/jpeg"))
            .WithName(nameof(GetAppealThumbnail)).ProducesAccessProblems().ProducesNotFound();
        appeals.MapPut("/{appealId:guid}", (Guid id, Guid appealId, UpdateAppeal command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, AppealId = appealId }, ct))
            .WithName(nameof(UpdateAppeal)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();
        appeals.MapDelete("/{appealId:guid}", (Guid id, Guid appealId, int? expectedRevision, IMediator m, CancellationToken ct) =>
            m.Send(new RemoveAppeal(appealId, expectedRevision) { ConferenceId = id }, ct))
            .WithName(nameof(RemoveAppeal)).ProducesAccessProblems().ProducesNotFound().ProducesConflict();
        appeals.MapPost("/{appealId:guid}/approve", (Guid id, Guid appealId, ApproveAppeal command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, AppealId = appealId }, ct))
            .WithName(nameof(ApproveAppeal)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();
        appeals.MapPost("/{appealId:guid}/reject", (Guid id, Guid appealId, RejectAppeal command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, AppealId = appealId }, ct))
            .WithName(nameof(RejectAppeal)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();
        appeals.MapPost("/{appealId:guid}/move", (Guid id, Guid appealId, MoveAppeal command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id, AppealId = appealId }, ct))
            .WithName(nameof(MoveAppeal)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();
        appeals.MapGet("/{appealId:guid}/video", async (Guid id, Guid appealId, IMediator m, CancellationToken ct) =>
        {
            var file = await m.Send(new PreviewAppealVideo(id, appealId), ct);
            return TypedResults.Stream(file.Content, file.ContentType, enableRangeProcessing: true);
        }).WithName(nameof(PreviewAppealVideo)).ProducesAccessProblems().ProducesNotFound();
        appeals.MapGet("/{appealId:guid}/preview-link", (Guid id, Guid appealId, IMediator m, CancellationToken ct) =>
            m.Send(new GetAppealPreviewLink(id, appealId), ct))
            .WithName(nameof(GetAppealPreviewLink)).ProducesAccessProblems().ProducesNotFound();

        // Personal links for contributors without an account (see SubmitAppeal).
        var links = appeals.MapGroup("/links");
        links.MapPost("/", async (Guid id, CreateSubmissionLink command, IMediator m, CancellationToken ct) =>
        {
            var issued = await m.Send(command with { ConferenceId = id }, ct);
            return TypedResults.Created($"/api/conferences/{id}/appeals/links", issued);
        }).WithName(nameof(CreateSubmissionLink)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems();
        links.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListSubmissionLinks(id), ct))
            .WithName(nameof(ListSubmissionLinks)).ProducesAccessProblems().ProducesNotFound();
        links.MapDelete("/{linkId:guid}", async (Guid id, Guid linkId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RevokeSubmissionLink(id, linkId), ct);
            return TypedResults.NoContent();
        }).WithName(nameof(RevokeSubmissionLink)).ProducesAccessProblems().ProducesNotFound();

        // The block on air: the same show commands as Next, for producers and hosts.
        var live = appeals.MapGroup("/live");
        live.MapPost("/next", (Guid id, PlayNextAppeal c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct))
            .WithName(nameof(PlayNextAppeal)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();
        live.MapPost("/skip", (Guid id, SkipAppeal c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct))
            .WithName(nameof(SkipAppeal)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();
        live.MapPost("/pause", (Guid id, PauseAppealQueue c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct))
            .WithName(nameof(PauseAppealQueue)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();
        live.MapPost("/resume", (Guid id, ResumeAppealQueue c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct))
            .WithName(nameof(ResumeAppealQueue)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();

        appeals.MapPost("/reorder", (Guid id, ReorderAppeals command, IMediator m, CancellationToken ct) =>
            m.Send(command with { ConferenceId = id }, ct))
            .WithName(nameof(ReorderAppeals)).ProducesAccessProblems().ProducesNotFound().ProducesBodyProblems().ProducesConflict();
    }

    /// <summary>
    /// Signed video addresses (<see cref="AppealVideoLinks"/>), outside any conference group: a video element or the
    /// media server's ingress fetches them without a session. Range requests let players seek.
    /// </summary>
    public static void MapAppealVideoEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/appeal-videos/{appealId:guid}", async (Guid appealId, Guid? conference, long? expires, string? signature, HttpResponse response,
            IMediator m, CancellationToken ct) =>
        {
            var file = await m.Send(new StreamAppealVideo(appealId, conference, expires, signature), ct);
            response.Headers.CacheControl = "private, max-age=3600";
            return TypedResults.Stream(file.Content, file.ContentType, enableRangeProcessing: true);
        }).WithTags("Appeals").WithName(nameof(StreamAppealVideo))
            .ProducesPublicProblems().ProducesProblem(StatusCodes.Status403Forbidden).ProducesNotFound();
    }

    /// <summary>
    /// A contributor's side of a submission link, outside any conference group: the token in the
    /// <c>X-Submission-Token</c> header is the credential (a header, so it stays out of access logs).
    /// </summary>
    public static void MapAppealSubmissionEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var submissions = api.MapGroup("/appeal-submissions").WithTags("Appeals");
        submissions.MapGet("/", ([FromHeader(Name = SubmissionLinkAccess.TokenHeader)] string? token, IMediator m, CancellationToken ct) =>
            m.Send(new GetSubmissionLink(token), ct))
            .WithName(nameof(GetSubmissionLink)).ProducesPublicProblems().ProducesProblem(StatusCodes.Status403Forbidden).ProducesNotFound();
        submissions.MapPost("/", async (
            [FromHeader(Name = SubmissionLinkAccess.TokenHeader)] string? token, string? senderKind, string? senderName, string? country,
            string? language, string? title, string? message, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            var submitted = await m.Send(
                new SubmitAppeal(ParseKind(senderKind), senderName, country, language, title, message) { Token = token, Content = request.Body }, ct);
            return TypedResults.Ok(submitted);
        })
            .WithName(nameof(SubmitAppeal)).ProducesPublicProblems().ProducesProblem(StatusCodes.Status403Forbidden).ProducesNotFound()
            .ProducesBodyProblems().ProducesConflict().ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Accepts<Stream>("video/mp4", "video/webm", "video/quicktime", "application/octet-stream")
            .WithMetadata(new LargeUpload());

        // The same resumable protocol as producers' uploads (docs/appeals.md), on the contributor's own link.
        var uploads = submissions.MapGroup("/uploads");
        uploads.MapPost("/", async ([FromHeader(Name = SubmissionLinkAccess.TokenHeader)] string? token, StartSubmissionUpload command, IMediator m,
            CancellationToken ct) =>
        {
            var started = await m.Send(command with { Token = token }, ct);
            return TypedResults.Created($"/api/appeal-submissions/uploads/{started.UploadId}", started);
        })
            .WithName(nameof(StartSubmissionUpload)).ProducesPublicProblems().ProducesProblem(StatusCodes.Status403Forbidden).ProducesNotFound()
            .ProducesBodyProblems().ProducesConflict().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        uploads.MapGet("/{uploadId:guid}", ([FromHeader(Name = SubmissionLinkAccess.TokenHeader)] string? token, Guid uploadId, IMediator m,
            CancellationToken ct) => m.Send(new GetSubmissionUpload(uploadId) { Token = token }, ct))
            .WithName(nameof(GetSubmissionUpload)).ProducesPublicProblems().ProducesProblem(StatusCodes.Status403Forbidden).ProducesNotFound()
            .ProducesProblem(StatusCodes.Status410Gone);
        uploads.MapPatch("/{uploadId:guid}", async Task<Results<Ok<AppealUploadDto>, Created<SubmittedAppealDto>>> (
            [FromHeader(Name = SubmissionLinkAccess.TokenHeader)] string? token, Guid uploadId,
            [FromHeader(Name = ContinueAppealUpload.OffsetHeader)] string? offset, HttpRequest request, IMediator m, CancellationToken ct) =>
        {
            var step = await m.Send(new ContinueSubmissionUpload(uploadId, offset) { Token = token, Content = request.Body }, ct);
            return step.Appeal is { } appeal ? TypedResults.Created("/api/appeal-submissions", appeal) : TypedResults.Ok(step.Upload);
        })
            .WithName(nameof(ContinueSubmissionUpload)).ProducesPublicProblems().ProducesProblem(StatusCodes.Status403Forbidden).ProducesNotFound()
            .ProducesBodyProblems().ProducesConflict().ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Accepts<Stream>("application/offset+octet-stream", "application/octet-stream")
            .WithMetadata(new LargeUpload());
        uploads.MapDelete("/{uploadId:guid}", async ([FromHeader(Name = SubmissionLinkAccess.TokenHeader)] string? token, Guid uploadId, IMediator m,
            CancellationToken ct) =>
        {
            await m.Send(new CancelSubmissionUpload(uploadId) { Token = token }, ct);
            return TypedResults.NoContent();
        }).WithName(nameof(CancelSubmissionUpload)).ProducesPublicProblems().ProducesNotFound().ProducesConflict();
    }

    /// <summary>Spelled as in JSON (person, organization); anything else fails validation as an undefined value.</summary>
    private static SenderKind? ParseKind(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : Enum.TryParse<SenderKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, out _) ? kind
        : (SenderKind)(-1);

    /// <summary>Lifts the API's 1 MB body limit for this endpoint; the intake enforces Appeals:MaxUploadBytes while streaming.</summary>
    private sealed class LargeUpload : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null;
    }
}
