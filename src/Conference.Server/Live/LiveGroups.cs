using System.Security.Claims;
using Conference.Domain.Show;
using Conference.Server.Identity;

namespace Conference.Server.Live;

/// <summary>SignalR group names: one per conference (everyone) and one per role within it.</summary>
public static class LiveGroups
{
    public const string HostRole = "host";
    public const string SpeakerRole = "speaker";

    public static string Conference(Guid conferenceId) => $"conference:{conferenceId:N}";

    public static string Role(Guid conferenceId, string role) => $"conference:{conferenceId:N}:{role}";

    /// <summary>
    /// The role groups a user belongs to in a conference. The organizer sits with the hosts so that
    /// messages meant for hosts reach whoever drives the show.
    /// </summary>
    public static IEnumerable<string> RolesOf(ClaimsPrincipal? user, Guid conferenceId)
    {
        var roles = user?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        if (roles.Remove(Roles.Organizer))
        {
            roles.Add(HostRole);
        }

        return roles.Select(r => Role(conferenceId, r));
    }

    /// <summary>Who reads a host message: its audience, and the hosts always (they see what was sent).</summary>
    public static IReadOnlyList<string> AudienceOf(Guid conferenceId, MessageAudience audience) => audience switch
    {
        MessageAudience.Speakers => [Role(conferenceId, SpeakerRole), Role(conferenceId, HostRole)],
        _ => [Role(conferenceId, HostRole)],
    };
}
