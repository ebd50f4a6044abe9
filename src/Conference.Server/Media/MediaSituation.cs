using Conference.Domain.Media;
using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Server.Media;

/// <summary>Everything the director needs to know about one conference to decide the call's state.</summary>
/// <param name="Show">The live show's state.</param>
/// <param name="Program">The conference's current program.</param>
/// <param name="Members">Known people by provider identity; someone unknown in the call is treated as an attendee.</param>
public sealed record MediaSituation(ShowState Show, ConferenceProgram Program, IReadOnlyDictionary<string, MediaMember> Members);

/// <summary>The show and program alone: enough to decide one known member's rights.</summary>
public sealed record MediaShow(ShowState Show, ConferenceProgram Program);

/// <summary>Supplies the current situation of a conference (the live show coordinator in the server).</summary>
public interface IMediaSituationSource
{
    /// <summary>Null when the conference no longer exists.</summary>
    Task<MediaSituation?> GetAsync(Guid conferenceId, CancellationToken cancellationToken);

    /// <summary>
    /// The show without the people: a join ticket is for one member already known, and reading every
    /// participant for each of 5,000 people signing in would cost the server time that grows with the room.
    /// Null when the conference no longer exists.
    /// </summary>
    Task<MediaShow?> GetShowAsync(Guid conferenceId, CancellationToken cancellationToken);
}

public static class MediaRooms
{
    private const string Prefix = "conference-";

    /// <summary>One room per conference, named so that it is recognizable in the media server's console.</summary>
    public static string For(Guid conferenceId) => $"{Prefix}{conferenceId:N}";

    /// <summary>The conference of a room this service named; false for any other room on the same media server.</summary>
    public static bool TryParse(string? room, out Guid conferenceId)
    {
        conferenceId = Guid.Empty;
        return room is not null
            && room.StartsWith(Prefix, StringComparison.Ordinal)
            && Guid.TryParseExact(room[Prefix.Length..], "N", out conferenceId);
    }
}
