namespace Conference.Domain.Participants;

/// <summary>
/// What a participant is in one conference. Flags, because one person can hold several
/// roles (a speaker who is also an awardee). The organizer is not a participant role: it is
/// whoever holds the configured organizer key.
/// </summary>
[Flags]
public enum ParticipantRoles
{
    None = 0,
    Host = 1,
    Producer = 2,
    Speaker = 4,
    Awardee = 8,
    Attendee = 16,
}

/// <summary>Roles as the API and CSV files spell them: lower-case names such as "speaker".</summary>
public static class RoleNames
{
    public static readonly IReadOnlyList<ParticipantRoles> All =
        [ParticipantRoles.Host, ParticipantRoles.Producer, ParticipantRoles.Speaker, ParticipantRoles.Awardee, ParticipantRoles.Attendee];

    public static string Name(ParticipantRoles role) => role.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> ToNames(ParticipantRoles roles) => [.. All.Where(r => roles.HasFlag(r)).Select(Name)];

    /// <summary>Parses one name such as "Speaker" (any case); null when it names no single role.</summary>
    public static ParticipantRoles? Parse(string? name)
    {
        var trimmed = name?.Trim();
        var found = All.FirstOrDefault(r => string.Equals(Name(r), trimmed, StringComparison.OrdinalIgnoreCase));
        return found == ParticipantRoles.None ? null : found;
    }

    /// <summary>Combines names; null when any of them is not a role.</summary>
    public static ParticipantRoles? ParseAll(IEnumerable<string?> names)
    {
        var roles = ParticipantRoles.None;
        foreach (var name in names)
        {
            if (Parse(name) is not { } role)
            {
                return null;
            }

            roles |= role;
        }

        return roles;
    }
}
