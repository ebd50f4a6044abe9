namespace Conference.Domain.Appeals;

public static class AppealLimits
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int MessageMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int LanguageMaxLength = 35;

    /// <summary>A queue is a block of a ceremony, not an archive.</summary>
    public const int MaxAppealsPerConference = 500;

    /// <summary>No single appeal may take a whole ceremony; the segment limit (4 hours) bounds the block.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);
}
