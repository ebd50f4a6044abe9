namespace Conference.Domain.Awards;

/// <summary>Bounds of award input, shared by the domain rules and the API validators.</summary>
public static class AwardLimits
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int CitationMaxLength = 1000;
    public const int PhotoUrlMaxLength = 2048;

    /// <summary>Far above a real ceremony (the reference one has 42), low enough that one list stays one small read.</summary>
    public const int MaxRecipients = 2000;
}
