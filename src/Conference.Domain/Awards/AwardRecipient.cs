namespace Conference.Domain.Awards;

/// <summary>What an organizer states about one recipient; <see cref="Name"/> is the participant's display name when added.</summary>
public sealed record RecipientDraft(Guid ParticipantId, string Name, string Country, string? Citation, Uri? PhotoUrl);

/// <summary>One person on an award list. Changed only through <see cref="Award"/>.</summary>
public sealed class AwardRecipient
{
    private AwardRecipient()
    {
        Name = string.Empty;
        Country = string.Empty;
    }

    internal AwardRecipient(Guid awardId, int sequence, int position, RecipientDraft draft)
        : this()
    {
        AwardId = awardId;
        ParticipantId = draft.ParticipantId;
        Sequence = sequence;
        Position = position;
        Apply(draft);
    }

    public Guid AwardId { get; private set; }
    public Guid ParticipantId { get; private set; }

    /// <summary>The name announced and printed: the participant's display name when the recipient was added or last updated.</summary>
    public string Name { get; private set; }

    /// <summary>ISO 3166-1 alpha-2, upper case: the country the award is counted for.</summary>
    public string Country { get; private set; }

    public string? Citation { get; private set; }
    public Uri? PhotoUrl { get; private set; }

    /// <summary>Zero-based place in the call-up order: cue <c>n</c> of the ceremony calls the recipient at position <c>n</c>.</summary>
    public int Position { get; internal set; }

    /// <summary>Grows with every recipient added: the "as imported" order.</summary>
    public int Sequence { get; private set; }

    /// <summary>True when the values differ from the draft's.</summary>
    internal bool Apply(RecipientDraft draft)
    {
        var name = Award.NormalizeSpaces(draft.Name);
        var country = draft.Country.Trim().ToUpperInvariant();
        var citation = string.IsNullOrWhiteSpace(draft.Citation) ? null : draft.Citation.Trim();
        var changed = name != Name || country != Country || citation != Citation || draft.PhotoUrl != PhotoUrl;
        Name = name;
        Country = country;
        Citation = citation;
        PhotoUrl = draft.PhotoUrl;
        return changed;
    }
}
