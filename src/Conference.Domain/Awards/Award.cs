using System.Globalization;
using Conference.Domain.Programs;

namespace Conference.Domain.Awards;

/// <summary>What an import did to an award list.</summary>
public sealed record RecipientImportResult(int Created, int Updated, int Unchanged);

/// <summary>
/// An award given in one awards-ceremony segment (the medal "For service in diaspora activity"), and
/// its recipients in call-up order. Like the program, every edit names the revision it was based on.
/// </summary>
public sealed class Award
{
    private readonly List<AwardRecipient> _recipients = [];

    private Award()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ConferenceId { get; private set; }

    /// <summary>The awards-ceremony segment in which the recipients are called up, one per cue.</summary>
    public Guid SegmentId { get; private set; }

    public string Name { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Starts at 1 and grows by one with every edit.</summary>
    public int Revision { get; private set; }

    /// <summary>The next recipient's <see cref="AwardRecipient.Sequence"/>.</summary>
    public int NextSequence { get; private set; }

    /// <summary>The recipients in call-up order.</summary>
    public IReadOnlyList<AwardRecipient> Recipients => [.. _recipients.OrderBy(r => r.Position)];

    public static Award Create(Guid id, Guid conferenceId, Segment segment, string? name, string? description)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Kind != SegmentKind.AwardsCeremony)
        {
            throw new ProgramRuleException("segmentId", $"Recipients are called up in an awards ceremony, not in a {segment.Kind} segment.");
        }

        var award = new Award { Id = id, ConferenceId = conferenceId, SegmentId = segment.Id, Revision = 1 };
        award.SetDetails(string.IsNullOrWhiteSpace(name) ? segment.AwardName : name, description);
        return award;
    }

    public void UpdateDetails(int expectedRevision, string? name, string? description)
    {
        EnsureRevision(expectedRevision);
        SetDetails(name, description);
        Revision++;
    }

    /// <summary>The recipient who is called at cue <paramref name="cueIndex"/>; null past the end of the list.</summary>
    public AwardRecipient? AtCue(int cueIndex) => cueIndex >= 0 && cueIndex < _recipients.Count ? Recipients[cueIndex] : null;

    public AwardRecipient? Find(Guid participantId) => _recipients.Find(r => r.ParticipantId == participantId);

    public AwardRecipient Get(Guid participantId) => Find(participantId) ?? throw new NotFoundException("recipient", participantId);

    /// <summary>Adds a recipient at the end of the call-up order.</summary>
    public AwardRecipient AddRecipient(int expectedRevision, RecipientDraft draft)
    {
        EnsureRevision(expectedRevision);
        ArgumentNullException.ThrowIfNull(draft);
        if (Find(draft.ParticipantId) is not null)
        {
            throw new DomainException("This participant is already on the award list; update them instead.");
        }

        var recipient = Append(draft);
        Revision++;
        return recipient;
    }

    public AwardRecipient UpdateRecipient(int expectedRevision, RecipientDraft draft)
    {
        EnsureRevision(expectedRevision);
        ArgumentNullException.ThrowIfNull(draft);
        var recipient = Get(draft.ParticipantId);
        recipient.Apply(draft);
        Revision++;
        return recipient;
    }

    public void RemoveRecipient(int expectedRevision, Guid participantId)
    {
        EnsureRevision(expectedRevision);
        _recipients.Remove(Get(participantId));
        Renumber(Recipients);
        Revision++;
    }

    /// <summary>
    /// Adds the new people at the end in file order and updates those already listed (their place in
    /// the order stays), so a corrected file can be imported again. One revision for the whole file.
    /// </summary>
    public RecipientImportResult Import(int expectedRevision, IReadOnlyList<RecipientDraft> drafts)
    {
        EnsureRevision(expectedRevision);
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Select(d => d.ParticipantId).Distinct().Count() != drafts.Count)
        {
            throw new ProgramRuleException("csv", "The file names one person twice.");
        }

        int created = 0, updated = 0, unchanged = 0;
        foreach (var draft in drafts)
        {
            if (Find(draft.ParticipantId) is { } existing)
            {
                if (existing.Apply(draft))
                {
                    updated++;
                }
                else
                {
                    unchanged++;
                }
            }
            else
            {
                Append(draft);
                created++;
            }
        }

        Revision++;
        return new RecipientImportResult(created, updated, unchanged);
    }

    /// <summary>Puts the recipients in the given order, which must name every recipient exactly once.</summary>
    public void SetOrder(int expectedRevision, IReadOnlyList<Guid> participantIds)
    {
        EnsureRevision(expectedRevision);
        ArgumentNullException.ThrowIfNull(participantIds);
        var known = _recipients.Select(r => r.ParticipantId).ToHashSet();
        if (participantIds.Count != known.Count || participantIds.Distinct().Count() != participantIds.Count || !participantIds.All(known.Contains))
        {
            throw new ProgramRuleException(
                "participantIds", $"The new order must list each of the award's {known.Count} recipients exactly once.");
        }

        Renumber([.. participantIds.Select(Get)]);
        Revision++;
    }

    public void GenerateOrder(int expectedRevision, CallUpOrder order)
    {
        EnsureRevision(expectedRevision);
        var names = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
        IEnumerable<AwardRecipient> ordered = order switch
        {
            CallUpOrder.ByCountryThenName => _recipients.OrderBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Name, names).ThenBy(r => r.Sequence),
            CallUpOrder.ByName => _recipients.OrderBy(r => r.Name, names).ThenBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Sequence),
            CallUpOrder.AsImported => _recipients.OrderBy(r => r.Sequence),
            _ => throw new ProgramRuleException("order", "Order by 'byCountryThenName', 'byName' or 'asImported'."),
        };
        Renumber([.. ordered]);
        Revision++;
    }

    internal static string NormalizeSpaces(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private AwardRecipient Append(RecipientDraft draft)
    {
        if (_recipients.Count >= AwardLimits.MaxRecipients)
        {
            throw new ProgramRuleException("recipients", $"An award list holds at most {AwardLimits.MaxRecipients} recipients.");
        }

        var recipient = new AwardRecipient(Id, NextSequence++, _recipients.Count, draft);
        _recipients.Add(recipient);
        return recipient;
    }

    private void SetDetails(string? name, string? description)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ProgramRuleException("name", "An award needs a name, such as the medal's title.");
        }

        Name = NormalizeSpaces(name);
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    private void EnsureRevision(int expectedRevision)
    {
        if (expectedRevision != Revision)
        {
            throw new RevisionConflictException("award list", expectedRevision, Revision);
        }
    }

    private static void Renumber(IReadOnlyList<AwardRecipient> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i;
        }
    }
}
