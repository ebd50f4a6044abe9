namespace Conference.Domain.Show;

/// <summary>Bounds of live-show input, shared by the engine's rules and the API validators.</summary>
public static class ShowLimits
{
    public const int MessageMaxLength = 1000;

    /// <summary>As much as a segment may last at all, so added time cannot grow without bound.</summary>
    public static readonly TimeSpan MaxAddedTime = TimeSpan.FromHours(4);

    /// <summary>
    /// A show started further than this from its scheduled start (a rehearsal days before, an event moved to
    /// another day) is measured against its plan moved to the actual start: it is not "28 days ahead". Within
    /// it, a late or early start is the show's delay, as a host expects ("we started 10 minutes late").
    /// </summary>
    public static readonly TimeSpan PlanShiftThreshold = TimeSpan.FromHours(1);
}
