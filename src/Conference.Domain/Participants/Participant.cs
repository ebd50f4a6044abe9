namespace Conference.Domain.Participants;

/// <summary>What a participant is created or changed with; the server has validated the formats.</summary>
public sealed record ParticipantProfile(string DisplayName, string Country, string Language, string? Email, ParticipantRoles Roles);

/// <summary>How a participant came to be: from the organizer's roster or by open registration.</summary>
public enum ParticipantOrigin
{
    Roster,
    Registration,
}

/// <summary>One person in one conference, with the roles that decide what they may do there.</summary>
public sealed class Participant
{
    private Participant(Guid id, Guid conferenceId, ParticipantOrigin origin, DateTimeOffset createdAt)
    {
        Id = id;
        ConferenceId = conferenceId;
        Origin = origin;
        CreatedAt = createdAt;
        DisplayName = "";
        Country = "";
        Language = "";
        IdentityKey = "";
    }

    public Guid Id { get; private set; }
    public Guid ConferenceId { get; private set; }
    public string DisplayName { get; private set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string Country { get; private set; }

    public string Language { get; private set; }
    public string? Email { get; private set; }
    public ParticipantRoles Roles { get; private set; }
    public ParticipantOrigin Origin { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Who this person is for de-duplication, unique per conference: the e-mail when there is
    /// one, else name and country. Re-importing a roster therefore finds the same people.
    /// </summary>
    public string IdentityKey { get; private set; }

    public static Participant Create(Guid id, Guid conferenceId, ParticipantProfile profile, ParticipantOrigin origin, DateTimeOffset now)
    {
        var participant = new Participant(id, conferenceId, origin, now);
        participant.Update(profile);
        return participant;
    }

    public void Update(ParticipantProfile profile)
    {
        if (profile.Roles == ParticipantRoles.None)
        {
            throw new ProgramRuleException("roles", "A participant needs at least one role.");
        }

        DisplayName = PersonNames.Normalize(profile.DisplayName);
        Country = profile.Country.Trim().ToUpperInvariant();
        Language = profile.Language.Trim();
        Email = string.IsNullOrWhiteSpace(profile.Email) ? null : profile.Email.Trim();
        Roles = profile.Roles;
        IdentityKey = IdentityKeyOf(DisplayName, Country, Email);
    }

    /// <summary>Adds roles from a second list (an award list after a speaker roster) without removing any.</summary>
    public bool AddRoles(ParticipantRoles roles)
    {
        var before = Roles;
        Roles |= roles;
        return Roles != before;
    }

    public static string IdentityKeyOf(string displayName, string country, string? email) =>
        string.IsNullOrWhiteSpace(email)
            ? $"name:{PersonNames.Fold(displayName)}|{country.Trim().ToUpperInvariant()}"
            : $"email:{email.Trim().ToLowerInvariant()}";
}
