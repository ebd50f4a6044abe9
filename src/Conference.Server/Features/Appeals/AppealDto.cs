using Conference.Domain;
using Conference.Domain.Appeals;
using Conference.Domain.Programs;
using Conference.Server.Live;
using Conference.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Appeals;

/// <summary>What ffprobe read from the file, for the producer's check.</summary>
public sealed record AppealVideoDto(long SizeBytes, string Container, string VideoCodec, int Width, int Height, string? AudioCodec);

/// <summary>
/// An appeal as producers see it. <c>status</c> is submitted, approved or rejected from review, and
/// played or skipped once the show's log says so (<c>playedAt</c>, <c>endedAt</c>).
/// </summary>
public sealed record AppealDto(
    Guid Id,
    Guid SegmentId,
    int Position,
    SenderKind SenderKind,
    string SenderName,
    string Country,
    string Language,
    string Title,
    string? Message,
    string Status,
    string? RejectionReason,
    double DurationSeconds,
    AppealVideoDto Video,
    string ThumbnailUrl,
    Uri? SourceUrl,
    bool FromSubmissionLink,
    DateTimeOffset SubmittedAt)
{
    public static AppealDto From(Guid conferenceId, Appeal appeal, string? outcome = null) => new(
        appeal.Id,
        appeal.SegmentId,
        appeal.Position,
        appeal.SenderKind,
        appeal.SenderName,
        appeal.Country,
        appeal.Language,
        appeal.Title,
        appeal.Message,
        outcome ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(appeal.Status.ToString()),
        appeal.RejectionReason,
        appeal.Video.Duration.TotalSeconds,
        new AppealVideoDto(appeal.Video.SizeBytes, appeal.Video.Container, appeal.Video.VideoCodec, appeal.Video.Width, appeal.Video.Height,
            appeal.Video.AudioCodec),
        $"/api/conferences/{conferenceId}/appeals/{appeal.Id}/thumbnail",
        appeal.SourceUrl,
        appeal.SubmissionLinkId is not null,
        appeal.SubmittedAt);
}

/// <summary>Every appeal of a conference, ordered by segment and queue position, with the revision an edit must name.</summary>
public sealed record AppealQueueDto(Guid ConferenceId, int Revision, IReadOnlyList<AppealDto> Appeals);

public static class AppealStore
{
    /// <summary>The conference's appeals, tracked for an edit; a conference without any gets an empty queue.</summary>
    public static async Task<AppealQueue> LoadAppealQueueAsync(this ConferenceDbContext db, Guid conferenceId, CancellationToken cancellationToken)
    {
        if (await db.AppealQueues.SingleOrDefaultAsync(q => q.ConferenceId == conferenceId, cancellationToken) is { } queue)
        {
            return queue;
        }

        if (!await db.Conferences.AnyAsync(c => c.Id == conferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", conferenceId);
        }

        queue = AppealQueue.Create(conferenceId);
        db.AppealQueues.Add(queue);
        return queue;
    }

    /// <summary>
    /// Saves an edit of the queue together with what it means for the program: each appeals segment plays
    /// its approved appeals, so the planned timeline and the live deadlines follow. Returns whether the
    /// program changed (the caller then tells the live side).
    /// </summary>
    public static async Task<bool> SaveAppealsAsync(this ConferenceDbContext db, AppealQueue queue, ConferenceProgram program,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(program);
        var before = program.Revision;
        foreach (var segment in program.Segments.Where(s => s.Kind == SegmentKind.VideoAppeals))
        {
            program.SetCues(segment.Id, queue.CuesOf(segment.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        return program.Revision != before;
    }

    public static AppealQueueDto ToDto(this AppealQueue queue, IReadOnlyDictionary<Guid, string>? outcomes = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return new AppealQueueDto(
            queue.ConferenceId,
            queue.Revision,
            [.. queue.Appeals.Select(a => AppealDto.From(queue.ConferenceId, a, outcomes?.GetValueOrDefault(a.Id)))]);
    }

    /// <summary>Saves, tells the live side when the program moved and the consoles that the queue changed, and answers with the queue.</summary>
    public static async Task<AppealQueueDto> CommitAppealsAsync(
        this ConferenceDbContext db, AppealQueue queue, ConferenceProgram program, ProgramChangeNotifier notifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(queue);
        if (await db.SaveAppealsAsync(queue, program, cancellationToken))
        {
            await notifier.ProgramChangedAsync(program.Id, program.Revision);
        }

        await notifier.AppealsEditedAsync(program.Id, queue.Revision);
        return queue.ToDto();
    }
}
