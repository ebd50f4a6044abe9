using Conference.Domain;
using Conference.Domain.Participants;

namespace Conference.Server.Features.Awards;

/// <summary>
/// Finds the participant a row of an award list means: by id, by e-mail, or by name and country
/// (whatever e-mail they registered with, because award lists seldom carry one). Reports a row's
/// problems through <c>fail</c> and returns null when the person is new or the row is bad.
/// </summary>
internal sealed class ParticipantDirectory
{
    private readonly Dictionary<Guid, Participant> _byId;
    private readonly Dictionary<string, Participant> _byEmail;
    private readonly Dictionary<string, List<Participant>> _byName;

    public ParticipantDirectory(IEnumerable<Participant> people)
    {
        var list = people.ToList();
        _byId = list.ToDictionary(p => p.Id);
        _byEmail = list.Where(p => p.Email is not null).ToDictionary(p => Participant.IdentityKeyOf("", "", p.Email), StringComparer.Ordinal);
        _byName = list.GroupBy(NameKey).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public void Add(Participant person)
    {
        _byId[person.Id] = person;
        if (person.Email is not null)
        {
            _byEmail[Participant.IdentityKeyOf("", "", person.Email)] = person;
        }

        var key = NameKey(person);
        _byName[key] = [.. _byName.GetValueOrDefault(key) ?? [], person];
    }

    public Participant? Resolve(string? id, string? name, string? country, string? email, Action<string, string> fail)
    {
        if (id is not null)
        {
            if (!Guid.TryParse(id, out var participantId) || !_byId.TryGetValue(participantId, out var byId))
            {
                fail("participantId", $"'{id}' is not the id of a participant of this conference.");
                return null;
            }

            return byId;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > ParticipantLimits.DisplayNameMaxLength || name.Any(char.IsControl))
        {
            fail("name", $"Give the recipient's name (at most {ParticipantLimits.DisplayNameMaxLength} characters) or their 'participantId'.");
            return null;
        }

        if (country is null || !Countries.IsAlpha2(country))
        {
            fail("country", "Give the recipient's country as an ISO 3166-1 alpha-2 code, e.g. 'AZ'.");
            return null;
        }

        if (email is not null)
        {
            if (email.Length > ParticipantLimits.EmailMaxLength || !email.Contains('@', StringComparison.Ordinal))
            {
                fail("email", $"'{email}' is not an e-mail address.");
                return null;
            }

            if (_byEmail.TryGetValue(Participant.IdentityKeyOf("", "", email), out var byEmail))
            {
                return byEmail;
            }
        }

        var matches = _byName.GetValueOrDefault(Participant.IdentityKeyOf(name, country, null)) ?? [];
        if (matches.Count > 1)
        {
            fail("name", $"{matches.Count} participants are called '{name}' in {country.ToUpperInvariant()}; name this one by 'participantId' or 'email'.");
            return null;
        }

        return matches.Count == 1 ? matches[0] : null;
    }

    private static string NameKey(Participant p) => Participant.IdentityKeyOf(p.DisplayName, p.Country, null);
}
