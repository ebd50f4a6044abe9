namespace Conference.Server.Features.Attendance;

public static class AttendanceSetup
{
    /// <summary>The attendance log, written by the hub and by media webhooks, read by the attendance requests.</summary>
    public static IServiceCollection AddAttendanceFeature(this IServiceCollection services) =>
        services.AddScoped<IAttendanceLog, AttendanceLog>();
}
