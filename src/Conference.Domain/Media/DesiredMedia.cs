using Conference.Domain.Programs;

namespace Conference.Domain.Media;

/// <summary>What the call should look like now, derived from the show alone.</summary>
/// <param name="Locked">Anthem or silence: nobody may publish audio or video, and open microphones are muted.</param>
/// <param name="OnStage">The speaker who has the floor, when a speech is on.</param>
/// <param name="Playout">The recording that plays, and the instants clients need to play it in sync.</param>
/// <param name="Recording">Whether the call should be recorded (while the show runs).</param>
/// <param name="OnStageIdentity">The media identity (participant id) of who has the floor: the speaker of the running speech,
/// or the award recipient at the current cue.</param>
public sealed record DesiredMedia(bool Locked, Speaker? OnStage, Playout? Playout, bool Recording, string? OnStageIdentity = null)
{
    public static readonly DesiredMedia Idle = new(false, null, null, false);
}

/// <summary>
/// A recording played to everyone. A client joining late seeks to
/// <c>now − StartedAt − PausedTotal</c> (frozen at <c>PausedAt</c> while the show is paused).
/// </summary>
public sealed record Playout(Guid SegmentId, Uri Url, TimeSpan Duration, DateTimeOffset StartedAt, TimeSpan PausedTotal, DateTimeOffset? PausedAt)
{
    /// <summary>How far into the recording everyone should be at <paramref name="now"/>.</summary>
    public TimeSpan PositionAt(DateTimeOffset now)
    {
        var position = (PausedAt ?? now) - StartedAt - PausedTotal;
        return position < TimeSpan.Zero ? TimeSpan.Zero : position > Duration ? Duration : position;
    }
}

/// <summary>Who someone in the call is, as far as the stage is concerned.</summary>
/// <param name="Identity">The provider identity (participant id, or a service identity).</param>
/// <param name="DisplayName">The name shown in the call (and to hosts in the media status).</param>
/// <param name="Country">ISO 3166-1 alpha-2, when known.</param>
/// <param name="IsCrew">Hosts and producers, who run the show and may speak unless the room is locked.</param>
public sealed record MediaMember(string Identity, string DisplayName, string? Country, bool IsCrew);

/// <summary>What one member may publish. Data (reactions, chat) is separate from audio and video.</summary>
public sealed record PublishRights(bool Camera, bool Microphone, bool ScreenShare, bool Data)
{
    public static readonly PublishRights Nothing = new(false, false, false, false);
    public static readonly PublishRights DataOnly = new(false, false, false, true);
    public static readonly PublishRights Everything = new(true, true, true, true);

    public bool CanPublishMedia => Camera || Microphone || ScreenShare;
}
