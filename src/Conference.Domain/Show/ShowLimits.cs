namespace Conference.Domain.Show;

/// <summary>Bounds of live-show input, shared by the engine's rules and the API validators.</summary>
public static class ShowLimits
{
    public const int MessageMaxLength = 1000;

    /// <summary>As much as a segment may last at all, so added time cannot grow without bound.</summary>
    public static readonly TimeSpan MaxAddedTime = TimeSpan.FromHours(4);
}
