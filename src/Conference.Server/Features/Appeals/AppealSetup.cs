using Conference.Server.Live;

namespace Conference.Server.Features.Appeals;

public static class AppealSetup
{
    /// <summary>
    /// Intake (storage, FFmpeg checks, resumable uploads and their sweep), signed video addresses, and the playout notices
    /// that hear every show change, and the one a joining client gets.
    /// </summary>
    public static IServiceCollection AddAppealFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AppealOptions>(configuration.GetSection(AppealOptions.Section));
        services.AddSingleton<IAppealStorage, LocalAppealStorage>();
        services.AddSingleton<VideoInspector>();
        services.AddSingleton<AppealIntake>();
        services.AddSingleton<AppealUploads>();
        services.AddHostedService<AppealUploadSweep>();
        services.AddSingleton<HostAddressResolver>();
        services.AddSingleton<AppealUrlFetcher>();
        services.AddSingleton<AppealVideoLinks>();
        services.AddSingleton<IShowCommitObserver, AppealPlayout>();
        services.AddSingleton<IConferenceJoinObserver, AppealJoinNotice>();
        return services;
    }
}
