using Conference.Domain;
using Conference.Domain.Appeals;
using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;

namespace Conference.Server.Features.Appeals;

/// <summary>The details every way of submitting an appeal asks for.</summary>
public interface IAppealDetails
{
    SenderKind? SenderKind { get; }
    string? SenderName { get; }
    string? Country { get; }
    string? Language { get; }
    string? Title { get; }
    string? Message { get; }
}

public static class AppealDetailsExtensions
{
    public static AppealDraft ToDraft(this IAppealDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new AppealDraft(details.SenderKind ?? SenderKind.Person, details.SenderName!, details.Country!, details.Language!, details.Title!,
            details.Message);
    }
}

public sealed class AppealDetailsValidator : AbstractValidator<IAppealDetails>
{
    public AppealDetailsValidator()
    {
        RuleFor(r => r.SenderKind).IsInEnum();
        RuleFor(r => r.SenderName).NotEmpty().WithMessage("Say who the appeal is from ('senderName').")
            .MaximumLength(AppealLimits.NameMaxLength);
        RuleFor(r => r.Country).NotEmpty().WithMessage("Give the sender's country as an ISO 3166-1 code ('country', e.g. TR).")
            .Must(c => c is null || Countries.IsAlpha2(c)).WithMessage("Give the country as an ISO 3166-1 alpha-2 code, e.g. TR, DE, AZ.");
        RuleFor(r => r.Language).NotEmpty().WithMessage("Give the language spoken in the appeal ('language', e.g. az).")
            .MaximumLength(AppealLimits.LanguageMaxLength);
        RuleFor(r => r.Title).NotEmpty().WithMessage("Give the appeal a title ('title').")
            .MaximumLength(AppealLimits.TitleMaxLength);
        RuleFor(r => r.Message).MaximumLength(AppealLimits.MessageMaxLength);
    }
}

/// <summary>Puts a checked video into the queue, or leaves nothing behind when that fails.</summary>
public static class AppealAdmission
{
    public static void EnsureAppealsSegment(Segment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Kind != SegmentKind.VideoAppeals)
        {
            throw new ProgramRuleException("segmentId", $"Appeals play in a video-appeals segment, not in a {segment.Kind} segment.");
        }
    }

    /// <summary>
    /// The program and the appeals segment a checked video goes to, loaded once the checks are done (a finished
    /// resumable upload); when either is gone the video is discarded with the refusal.
    /// </summary>
    public static async Task<(ConferenceProgram Program, Segment Segment)> SegmentOrDiscardAsync(
        ConferenceDbContext db, AppealIntake intake, StagedVideo staged, Guid conferenceId, Guid segmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(intake);
        try
        {
            var program = await db.LoadAsync(conferenceId, cancellationToken);
            var segment = program.Segments.FirstOrDefault(s => s.Id == segmentId)
                ?? throw new Domain.DomainException("The appeals block this upload was started for is no longer in the program.");
            EnsureAppealsSegment(segment);
            return (program, segment);
        }
        catch
        {
            intake.Discard(staged);
            throw;
        }
    }

    public static async Task<AppealDto> AdmitAsync(
        ConferenceDbContext db, AppealIntake intake, ProgramChangeNotifier notifier, ConferenceProgram program, Segment segment,
        AppealDraft draft, StagedVideo staged, Uri? sourceUrl, Guid? linkId, DateTimeOffset now, CancellationToken cancellationToken,
        Action<Appeal>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(program);
        AppealVideo? kept = null;
        try
        {
            var queue = await db.LoadAppealQueueAsync(program.Id, cancellationToken);
            var id = Guid.NewGuid();
            kept = await intake.KeepAsync(staged, program.Id, id, cancellationToken);
            var appeal = queue.Add(id, segment, draft, kept, sourceUrl, linkId, now);

            // Saved in the same transaction as the appeal (a submission link records what came through it).
            alongside?.Invoke(appeal);
            await db.CommitAppealsAsync(queue, program, notifier, cancellationToken);
            return AppealDto.From(program.Id, appeal);
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
