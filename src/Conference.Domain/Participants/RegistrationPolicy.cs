namespace Conference.Domain.Participants;

/// <summary>
/// Whether strangers may register themselves for a conference, and how many people it holds.
/// Capacity counts every participant (invited or registered); it limits only open registration,
/// because the organizer decides for themselves whom they add.
/// </summary>
public sealed class RegistrationPolicy
{
    public const int MaxCapacity = 1_000_000;

    private RegistrationPolicy(Guid conferenceId) => ConferenceId = conferenceId;

    public Guid ConferenceId { get; private set; }
    public bool IsOpen { get; private set; }
    public int? Capacity { get; private set; }

    /// <summary>Bumped on every registration, so two people taking the last seat at once cannot both get it.</summary>
    public int Version { get; private set; }

    public static RegistrationPolicy ClosedFor(Guid conferenceId) => new(conferenceId);

    public void Configure(bool isOpen, int? capacity)
    {
        if (capacity is < 1 or > MaxCapacity)
        {
            throw new ProgramRuleException("capacity", $"Capacity is between 1 and {MaxCapacity}, or null for no limit.");
        }

        IsOpen = isOpen;
        Capacity = capacity;
    }

    /// <summary>Throws when nobody may register now; otherwise claims a seat.</summary>
    public void Admit(int participantCount)
    {
        if (!IsOpen)
        {
            throw new DomainException("Registration is closed for this conference. Ask the organizer for a personal invitation.");
        }

        if (Capacity is { } capacity && participantCount >= capacity)
        {
            throw new ConferenceFullException(capacity);
        }

        Version++;
    }
}

/// <summary>Every seat is taken.</summary>
public sealed class ConferenceFullException(int capacity)
    : DomainException($"This conference is full: all {capacity} places are taken.")
{
    public int Capacity { get; } = capacity;
}
