using Conference.Server.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

public static class LiveSetup
{
    public const string HubPath = "/hubs/conference";

    /// <summary>SignalR with both protocols, the hub filter, the show coordinator and its start-up recovery.</summary>
    public static IServiceCollection AddConferenceLive(this IServiceCollection services)
    {
        services.AddSignalR(o => o.AddFilter<LiveHubFilter>())
            .AddJsonProtocol(o => ServerSetup.ConfigureJson(o.PayloadSerializerOptions))
            .AddMessagePackProtocol();
        services.AddSingleton<LiveHubFilter>();
        services.AddSingleton<ShowCoordinator>();
        services.AddSingleton<ProgramChangeNotifier>();
        services.AddHostedService<ShowRecovery>();
        return services;
    }

    public static IEndpointRouteBuilder MapConferenceLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<ConferenceHub>(HubPath);
        return app;
    }
}
