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
}
