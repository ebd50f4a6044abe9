using Conference.Domain.Media;
using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Server.Media;

/// <summary>What the director needs to know of a conference's show to decide the call's state.</summary>
/// <param name="Show">The live show's state.</param>
/// <param name="Program">The conference's current program.</param>
/// <param name="CallUp">When an awards ceremony runs: its recipients in call-up order (participant ids), one per cue.</param>
/// <param name="SpeakerIdentity">When a speech runs: the media identity (participant id) of its speaker, if the roster names exactly one.</param>
/// <param name="CueMedia">When a video appeal is on air: the signed address of its video, which plays as the segment's recording.</param>
public sealed record MediaShow(
    ShowState Show, ConferenceProgram Program, IReadOnlyList<Guid>? CallUp = null, string? SpeakerIdentity = null, Uri? CueMedia = null);

/// <summary>Supplies the current show of a conference (the live show coordinator in the server) and who is who in its call.</summary>
public interface IMediaSituationSource
{
    /// <summary>
    /// The show, without the people: the rights of everyone follow from it and from who they are.
    /// Null when the conference no longer exists.
    /// </summary>
    Task<MediaShow?> GetShowAsync(Guid conferenceId, CancellationToken cancellationToken);

    /// <summary>
    /// The known people among these provider identities (those in the call now), by identity; someone
    /// unknown is treated as an attendee. Only they are read, not everyone invited: a conference has
    /// thousands of participants, and the director looks after every change of the show.
    /// </summary>
    Task<IReadOnlyDictionary<string, MediaMember>> GetMembersAsync(
        Guid conferenceId, IReadOnlyCollection<string> identities, CancellationToken cancellationToken);
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
