using Conference.Domain.Participants;
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
    /// The role groups a caller belongs to in a conference. The organizer sits with the hosts so that
    /// messages meant for hosts reach whoever drives the show.
    /// </summary>
    public static IEnumerable<string> RolesOf(Caller caller, Guid conferenceId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsOrganizer)
        {
            return [Role(conferenceId, HostRole)];
        }

        return caller.ConferenceId == conferenceId
            ? RoleNames.ToNames(caller.Roles).Select(name => Role(conferenceId, name))
            : [];
    }

    /// <summary>Who reads a host message: its audience, and the hosts always (they see what was sent; everyone includes them).</summary>
    public static IReadOnlyList<string> AudienceOf(Guid conferenceId, MessageAudience audience) => audience switch
    {
        MessageAudience.Speakers => [Role(conferenceId, SpeakerRole), Role(conferenceId, HostRole)],
        MessageAudience.Everyone => [Conference(conferenceId)],
        _ => [Role(conferenceId, HostRole)],
    };
}
