using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Domain.Media;

/// <summary>
/// The media rules of the run of show: from the show state and the program to the call's
/// desired state, and from that to each member's rights. Pure, so every rule is testable
/// without a media server; the server's MediaDirector converges the provider to it.
/// </summary>
public static class MediaPlan
{
    /// <param name="state">The show.</param>
    /// <param name="program">The conference's program.</param>
    /// <param name="callUp">The recipients of the running awards ceremony in call-up order (participant ids), if it has an award list:
    /// the one at the show's cue has the floor.</param>
    /// <param name="speakerIdentity">The media identity (participant id) of the running speech's speaker, resolved by the server
    /// from the roster, if known: only that participant gets the floor, whatever name anyone shows in the call.</param>
    /// <param name="cueMedia">Where the queue item on air (the video appeal) is fetched from, if one is.</param>
    public static DesiredMedia Desired(
        ShowState state, ConferenceProgram program, IReadOnlyList<Guid>? callUp = null, string? speakerIdentity = null, Uri? cueMedia = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(program);
        var live = state.Status is ShowStatus.Running or ShowStatus.Paused;
        if (!live || state.CurrentSegmentId is not { } currentId || state.SegmentStartedAt is not { } startedAt)
        {
            return DesiredMedia.Idle with { Recording = live };
        }

        var segment = program.Segments.FirstOrDefault(s => s.Id == currentId);
        if (segment is null)
        {
            // The running segment was removed from the program; keep the call open rather than guess.
            return new DesiredMedia(false, null, null, true);
        }

        var playout = segment.Media is { } media
            ? new Playout(segment.Id, media.Url, media.Duration, startedAt, state.PausedTotal, state.PausedAt)
            : null;

        // An appeal on air plays like a recording that started with it; pauses before it do not count.
        if (cueMedia is not null && state.CueId is { } cueId && state.CueStartedAt is { } cueStartedAt
            && segment.Cues.FirstOrDefault(c => c.Id == cueId) is { } cue)
        {
            playout = new Playout(segment.Id, cueMedia, cue.Duration, cueStartedAt, state.PausedTotal - state.CuePausedBase, state.PausedAt);
        }

        var awardee = segment.Kind == SegmentKind.AwardsCeremony && callUp is not null && state.CueIndex < callUp.Count
            ? callUp[state.CueIndex].ToString()
            : null;
        var speech = segment.Kind == SegmentKind.Speech;
        var onStage = speech ? speakerIdentity : awardee;
        return new DesiredMedia(segment.AudienceMuted, speech ? segment.Speaker : null, playout, true, onStage);
    }

    /// <summary>
    /// Attendees watch and react but never talk over the program; crew may speak unless the
    /// room is locked; a speaker has the floor only during their own speech, an award recipient only at their own cue.
    /// Both are matched by media identity (participant id), never by the name shown in the call: a name is typed
    /// by people and can be mistyped or shared.
    /// </summary>
    public static PublishRights RightsOf(MediaMember member, DesiredMedia desired)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(desired);
        if (desired.Locked)
        {
            return PublishRights.DataOnly;
        }

        var onStage = desired.OnStageIdentity is { } identity && string.Equals(member.Identity, identity, StringComparison.Ordinal);
        return member.IsCrew || onStage ? PublishRights.Everything : PublishRights.DataOnly;
    }
}
