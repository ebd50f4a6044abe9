using Conference.LiveKit;

namespace Conference.Server.Media;

public static class MediaSetup
{
    /// <summary>
    /// Registers the media side. The provider is chosen by <c>Media:Provider</c>; the director is a
    /// singleton because it keeps one reconcile at a time per conference.
    /// </summary>
    public static WebApplicationBuilder AddConferenceMedia(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(MediaOptions.Section);
        services.Configure<MediaOptions>(section);
        var provider = section[nameof(MediaOptions.Provider)] ?? "Simulated";

        if (provider.Equals("Simulated", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<SimulatedMediaProvider>();
            services.AddSingleton<IMediaProvider>(sp => sp.GetRequiredService<SimulatedMediaProvider>());
        }
        else if (provider.Equals("LiveKit", StringComparison.OrdinalIgnoreCase))
        {
            services.AddLiveKit(builder.Configuration);
            services.AddSingleton<IMediaProvider, LiveKitMediaProvider>();
        }
        else
        {
            throw new InvalidOperationException($"Media:Provider '{provider}' is not supported; use Simulated or LiveKit.");
        }

        services.AddSingleton<IMediaSituationSource, ShowMediaSituations>();
        services.AddSingleton<IMediaStatusSink, Live.HostMediaStatusSink>();
        services.AddSingleton<IMediaStatusSink, Persistence.DurableMediaStatusSink>();
        services.AddSingleton<MediaStatusBoard>();
        services.AddSingleton<MediaStatusReporter>();
        services.AddSingleton<Features.Media.WebhookReplays>();
        services.AddSingleton<MediaDirector>();
        services.AddSingleton<MediaReconcileRequests>();
        services.AddSingleton<MediaReconcileLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<MediaReconcileLoop>());
        return builder;
    }
}
