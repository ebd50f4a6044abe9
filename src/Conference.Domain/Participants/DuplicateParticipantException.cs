namespace Conference.Domain.Participants;

/// <summary>A second participant with the same e-mail, or the same name and country without one.</summary>
public sealed class DuplicateParticipantException(Guid existingId)
    : DomainException($"This person is already a participant (id '{existingId}'): same e-mail, or same name and country. Update them instead.")
{
    public Guid ExistingId { get; } = existingId;
}
