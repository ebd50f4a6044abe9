namespace Conference.Domain.Programs;

public enum SegmentKind
{
    Anthem,
    MinuteOfSilence,
    VideoScreening,
    Speech,
    VideoAppeals,
    MusicalPerformance,
    AwardsCeremony,
    Custom,
}

/// <summary>How a segment's start is planned.</summary>
public enum StartMode
{
    /// <summary>Starts when the previous segment ends.</summary>
    FollowsPrevious,

    /// <summary>Starts at a fixed instant, waiting for it if the show is ahead.</summary>
    Fixed,
}

/// <summary>How a segment ends.</summary>
public enum EndMode
{
    /// <summary>A host ends it.</summary>
    Manual,

    /// <summary>It ends by itself at its deadline.</summary>
    AutoAdvance,
}
