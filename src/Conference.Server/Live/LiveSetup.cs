using Conference.Server.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

public static class LiveSetup
{
    public const string HubPath = "/hubs/conference";

    /// <summary>SignalR with both protocols, the hub filter, the show coordinator and the start-up recovery of shows and hub attendance.</summary>
    public static IServiceCollection AddConferenceLive(this IServiceCollection services)
    {
        services.AddSignalR(o => o.AddFilter<LiveHubFilter>())
            .AddJsonProtocol(o => ServerSetup.ConfigureJson(o.PayloadSerializerOptions))
            .AddMessagePackProtocol();
        services.AddSingleton<LiveHubFilter>();
        services.AddSingleton<ShowCoordinator>();
        services.AddSingleton<ProgramChangeNotifier>();
        services.AddSingleton<IShowCommitObserver, Features.Awards.AwardCallUp>();
        services.AddHostedService<ShowRecovery>();
        services.AddHostedService<HubAttendanceRecovery>();
        return services;
    }

    public static IEndpointRouteBuilder MapConferenceLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<ConferenceHub>(HubPath);
        return app;
    }
}
