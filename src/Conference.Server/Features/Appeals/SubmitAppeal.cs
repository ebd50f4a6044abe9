using System.Globalization;
using System.Text.Json.Serialization;
using Conference.Domain.Appeals;
using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Appeals;

/// <summary>The contributor's own appeal, as they may see it (no producer-only addresses).</summary>
public sealed record SubmittedAppealDto(
    Guid Id, string SenderName, string Country, string Language, string Title, string Status, string? RejectionReason, double DurationSeconds,
    DateTimeOffset SubmittedAt)
{
    public static SubmittedAppealDto From(Appeal a) => new(
        a.Id, a.SenderName, a.Country, a.Language, a.Title, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(a.Status.ToString()),
        a.RejectionReason, a.Video.Duration.TotalSeconds, a.SubmittedAt);
}

/// <summary>
/// A contributor uploads their appeal through their submission link, without an account: the token (header
/// <c>X-Submission-Token</c>) is the credential. A second upload before the deadline replaces the first (video
/// and details), which goes back to review. An upload that started before the deadline is taken.
/// </summary>
[AllowAnonymousRequest]
public sealed record SubmitAppeal(SenderKind? SenderKind, string? SenderName, string? Country, string? Language, string? Title, string? Message)
    : IRequest<SubmittedAppealDto>, IAppealDetails
{
    [JsonIgnore]
    public string? Token { get; init; }

    [JsonIgnore]
    public Stream Content { get; init; } = Stream.Null;
}

public sealed class SubmitAppealValidator : AbstractValidator<SubmitAppeal>
{
    public SubmitAppealValidator() => Include(new AppealDetailsValidator());
}

public sealed class SubmitAppealHandler(ConferenceDbContext db, AppealIntake intake, ProgramChangeNotifier notifier, TimeProvider time)
    : IRequestHandler<SubmitAppeal, SubmittedAppealDto>
{
    public async Task<SubmittedAppealDto> Handle(SubmitAppeal request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var link = await SubmissionLinkAccess.UsableAsync(db, request.Token, now, cancellationToken);
        var (program, segment) = await SubmissionAdmission.SegmentAsync(db, link, cancellationToken);
        var draft = request.ToDraft();
        var staged = await intake.StageAsync(request.Content, cancellationToken);
        return await SubmissionAdmission.AcceptAsync(db, intake, notifier, link, program, segment, draft, staged, now, now, cancellationToken);
    }
}

/// <summary>What a contributor's upload through their link leads to, one-shot or resumable alike.</summary>
public static class SubmissionAdmission
{
    /// <summary>The program and the appeals segment the link was made for; 409 when the segment left the program.</summary>
    public static async Task<(ConferenceProgram Program, Segment Segment)> SegmentAsync(
        ConferenceDbContext db, SubmissionLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(link);
        var program = await db.LoadAsync(link.ConferenceId, cancellationToken);
        var segment = program.Segments.FirstOrDefault(s => s.Id == link.SegmentId)
            ?? throw new Domain.DomainException("The appeals block this link was made for is no longer in the program; ask the producers for a new link.");
        return (program, segment);
    }

    /// <summary>
    /// Adds the link's first appeal, or replaces the one it sent before (video and details; back to review). The
    /// upload counts from <paramref name="startedAt"/> against the deadline. A refusal leaves no file behind.
    /// </summary>
    public static async Task<SubmittedAppealDto> AcceptAsync(
        ConferenceDbContext db, AppealIntake intake, ProgramChangeNotifier notifier, SubmissionLink link, ConferenceProgram program, Segment segment,
        AppealDraft draft, StagedVideo staged, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(program);

        // The queue is loaded only to replace: a first appeal's admission loads (or creates) it itself.
        var queue = link.AppealId is null ? null : await db.LoadAppealQueueAsync(program.Id, cancellationToken);
        if (queue?.Find(link.AppealId!.Value) is not { } previous)
        {
            Appeal? added = null;
            await AppealAdmission.AdmitAsync(db, intake, notifier, program, segment, draft, staged, sourceUrl: null, link.Id, now, cancellationToken, a =>
            {
                link.Submitted(a.Id, now, startedAt);
                added = a;
            });
            return SubmittedAppealDto.From(added!);
        }

        // A new file name, so the old video stays intact until the replacement is saved.
        AppealVideo? kept = null;
        var old = previous.Video;
        try
        {
            kept = await intake.KeepAsync(staged, program.Id, Guid.NewGuid(), cancellationToken);
            var appeal = queue!.Resubmit(previous.Id, draft, kept, now);
            link.Submitted(appeal.Id, now, startedAt);
            await db.CommitAppealsAsync(queue, program, notifier, cancellationToken);
            intake.Forget(old);
            return SubmittedAppealDto.From(appeal);
        }
        catch
        {
            intake.Discard(staged);
            if (kept is not null)
            {
                intake.Forget(kept);
            }

            throw;
        }
    }
}

/// <summary>What the holder of a submission link sees: for whom and until when, and their appeal if they sent one.</summary>
public sealed record SubmissionLinkView(string ConferenceTitle, string SegmentTitle, string Label, DateTimeOffset Deadline, SubmittedAppealDto? Appeal);

/// <summary>The contributor opens their link: what it is for, the deadline, and the state of the appeal they sent.</summary>
[AllowAnonymousRequest]
public sealed record GetSubmissionLink(string? Token) : IRequest<SubmissionLinkView>;

public sealed class GetSubmissionLinkHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<GetSubmissionLink, SubmissionLinkView>
{
    public async Task<SubmissionLinkView> Handle(GetSubmissionLink request, CancellationToken cancellationToken)
    {
        var link = await SubmissionLinkAccess.UsableAsync(db, request.Token, time.GetUtcNow(), cancellationToken);
        var program = await db.LoadAsync(link.ConferenceId, cancellationToken);
        var segmentTitle = program.Segments.FirstOrDefault(s => s.Id == link.SegmentId)?.Title ?? string.Empty;
        var appeal = link.AppealId is { } id
            ? await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.ConferenceId == link.ConferenceId, cancellationToken)
            : null;
        return new SubmissionLinkView(program.Title, segmentTitle, link.Label, link.Deadline, appeal is null ? null : SubmittedAppealDto.From(appeal));
    }
}

public static class SubmissionLinkAccess
{
    public const string TokenHeader = "X-Submission-Token";

    /// <summary>The link behind a token, tracked, if it still takes uploads at <paramref name="now"/>: see <see cref="EnsureUsable"/>.</summary>
    public static async Task<SubmissionLink> UsableAsync(ConferenceDbContext db, string? token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = await KnownAsync(db, token, cancellationToken);
        EnsureUsable(link, now);
        return link;
    }

    /// <summary>The link behind a token, tracked, whatever its state; 401 for a missing or unknown token.</summary>
    public static async Task<SubmissionLink> KnownAsync(ConferenceDbContext db, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new AccessDeniedException($"Send the token of your submission link in the {TokenHeader} header.", authenticated: false);
        }

        var hash = SessionTokens.HashInvitationCode(token);
        return await db.SubmissionLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken)
            ?? throw new AccessDeniedException("This submission link is not valid; check that the whole token was copied.", authenticated: false);
    }

    /// <summary>
    /// 403 for a revoked link, or one whose deadline had passed at <paramref name="at"/> (now, or for a resumable
    /// upload's later chunks the instant it began: an upload begun before the deadline is taken).
    /// </summary>
    public static void EnsureUsable(SubmissionLink link, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(link);
        switch (link.StatusAt(at))
        {
            case SubmissionLinkStatus.Revoked:
                throw new AccessDeniedException("This submission link was withdrawn by the producers; ask them for a new one.", authenticated: true);
            case SubmissionLinkStatus.Expired:
                throw new AccessDeniedException(
                    $"The deadline of this submission link passed at {link.Deadline.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
                    authenticated: true);
        }
    }
}
