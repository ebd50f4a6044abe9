namespace Conference.Domain.Programs;

/// <summary>Bounds shared by the domain rules and the API validators.</summary>
public static class SegmentLimits
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);
    public const int MaxSegments = 200;
    public const int TitleMaxLength = 200;
    public const int NameMaxLength = 200;
    public const int NotesMaxLength = 2000;
    public const int SloganMaxLength = 300;
    public const int MaxLanguages = 20;

    /// <summary>
    /// The window a conference and its fixed starts are planned in. Far enough either way for any real event,
    /// and far enough from the ends of the calendar that a program of <see cref="MaxSegments"/> segments of
    /// <see cref="MaxDuration"/> each, seen in any time zone, cannot overflow it.
    /// </summary>
    public static readonly DateTimeOffset EarliestInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestInstant = new(2199, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsPlannable(DateTimeOffset instant) => instant >= EarliestInstant && instant <= LatestInstant;
}
