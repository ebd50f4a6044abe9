using Conference.Domain.Programs;

namespace Conference.Domain.Appeals;

/// <summary>
/// The video appeals of one conference, each in the queue of one video-appeals segment. One revision for
/// all of them, like an award list: every review, reorder or move names the revision it was based on.
/// Adding an appeal names none: contributors upload at any time, and an addition conflicts with nobody.
/// </summary>
public sealed class AppealQueue
{
    private readonly List<Appeal> _appeals = [];

    private AppealQueue()
    {
    }

    public Guid ConferenceId { get; private set; }

    /// <summary>Starts at 1 and grows by one with every change.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<Appeal> Appeals => [.. _appeals.OrderBy(a => a.SegmentId).ThenBy(a => a.Position)];

    public static AppealQueue Create(Guid conferenceId) => new() { ConferenceId = conferenceId, Revision = 1 };

    /// <summary>The queue of one segment, in play order.</summary>
    public IReadOnlyList<Appeal> InSegment(Guid segmentId) => [.. _appeals.Where(a => a.SegmentId == segmentId).OrderBy(a => a.Position)];

    /// <summary>What the segment plays: its approved appeals in queue order, with the length read from each file.</summary>
    public IReadOnlyList<SegmentCue> CuesOf(Guid segmentId) =>
        [.. InSegment(segmentId).Where(a => a.Status == AppealStatus.Approved).Select(a => new SegmentCue(a.Id, a.Video.Duration))];

    public Appeal? Find(Guid appealId) => _appeals.Find(a => a.Id == appealId);

    public Appeal Get(Guid appealId) => Find(appealId) ?? throw new NotFoundException("appeal", appealId);

    /// <summary>Adds a checked appeal at the end of its segment's queue, waiting for review.</summary>
    public Appeal Add(Guid id, Segment segment, AppealDraft draft, AppealVideo video, Uri? sourceUrl, Guid? submissionLinkId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(segment);
        EnsureAppealsSegment(segment, "segmentId");
        if (_appeals.Count >= AppealLimits.MaxAppealsPerConference)
        {
            throw new DomainException($"A conference holds at most {AppealLimits.MaxAppealsPerConference} appeals; remove rejected ones first.");
        }

        var appeal = new Appeal(id, segment.Id, InSegment(segment.Id).Count, draft, video, sourceUrl, submissionLinkId, now);
        _appeals.Add(appeal);
        Revision++;
        return appeal;
    }

    /// <summary>
    /// Replaces an appeal's video and details with a contributor's new version (through their submission link):
    /// like an addition it names no revision, and the appeal goes back to review, also when it was approved.
    /// </summary>
    public Appeal Resubmit(Guid appealId, AppealDraft draft, AppealVideo video, DateTimeOffset now)
    {
        var appeal = Get(appealId);
        appeal.Replace(draft, video, now);
        Revision++;
        return appeal;
    }

    public Appeal Update(int expectedRevision, Guid appealId, AppealDraft draft)
    {
        EnsureRevision(expectedRevision);
        var appeal = Get(appealId);
        appeal.Apply(draft);
        Revision++;
        return appeal;
    }

    public Appeal Approve(int expectedRevision, Guid appealId)
    {
        EnsureRevision(expectedRevision);
        var appeal = Get(appealId);
        if (appeal.Status == AppealStatus.Approved)
        {
            throw new DomainException($"'{appeal.Title}' is already approved.");
        }

        appeal.Status = AppealStatus.Approved;
        appeal.RejectionReason = null;
        Revision++;
        return appeal;
    }

    /// <summary>Rejects an appeal, also an approved one: during the show this pulls it out of the running queue.</summary>
    public Appeal Reject(int expectedRevision, Guid appealId, string reason)
    {
        EnsureRevision(expectedRevision);
        var appeal = Get(appealId);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ProgramRuleException("reason", "Say why the appeal is rejected; the sender may be told.");
        }

        appeal.Status = AppealStatus.Rejected;
        appeal.RejectionReason = reason.Trim();
        Revision++;
        return appeal;
    }

    /// <summary>Puts a segment's queue in the given order, which must name each of its appeals exactly once.</summary>
    public void Reorder(int expectedRevision, Guid segmentId, IReadOnlyList<Guid> appealIds)
    {
        EnsureRevision(expectedRevision);
        ArgumentNullException.ThrowIfNull(appealIds);
        var queue = InSegment(segmentId);
        var known = queue.Select(a => a.Id).ToHashSet();
        if (appealIds.Count != known.Count || appealIds.Distinct().Count() != appealIds.Count || !appealIds.All(known.Contains))
        {
            throw new ProgramRuleException("appealIds", $"The new order must list each of the segment's {known.Count} appeals exactly once.");
        }

        for (var i = 0; i < appealIds.Count; i++)
        {
            Get(appealIds[i]).Position = i;
        }

        Revision++;
    }

    /// <summary>Moves an appeal to another video-appeals segment, at <paramref name="position"/> or at the end of its queue.</summary>
    public Appeal Move(int expectedRevision, Guid appealId, Segment target, int? position)
    {
        EnsureRevision(expectedRevision);
        ArgumentNullException.ThrowIfNull(target);
        EnsureAppealsSegment(target, "segmentId");
        var appeal = Get(appealId);
        var from = appeal.SegmentId;
        var queue = InSegment(target.Id).Where(a => a.Id != appealId).ToList();
        if (position is { } p && (p < 0 || p > queue.Count))
        {
            throw new ProgramRuleException("position", $"The position lies between 0 and {queue.Count}.");
        }

        queue.Insert(position ?? queue.Count, appeal);
        appeal.SegmentId = target.Id;
        Renumber(queue);
        Renumber([.. InSegment(from)]);
        Revision++;
        return appeal;
    }

    /// <summary>Deletes an appeal; the caller removes its files once the deletion is saved.</summary>
    public Appeal Remove(int expectedRevision, Guid appealId)
    {
        EnsureRevision(expectedRevision);
        var appeal = Get(appealId);
        _appeals.Remove(appeal);
        Renumber([.. InSegment(appeal.SegmentId)]);
        Revision++;
        return appeal;
    }

    private static void EnsureAppealsSegment(Segment segment, string field)
    {
        if (segment.Kind != SegmentKind.VideoAppeals)
        {
            throw new ProgramRuleException(field, $"Appeals play in a video-appeals segment, not in a {segment.Kind} segment.");
        }
    }

    private static void Renumber(List<Appeal> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }
    }

    private void EnsureRevision(int expectedRevision)
    {
        if (expectedRevision != Revision)
        {
            throw new RevisionConflictException("appeal queue", expectedRevision, Revision);
        }
    }
}
