using System.Text.Json;
using Conference.Server.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

public static class LiveSetup
{
    public const string HubPath = LiveWire.HubPath;

    /// <summary>SignalR with both protocols, the hub filter, the show coordinator and the start-up recovery of shows and hub attendance.</summary>
    public static IServiceCollection AddConferenceLive(this IServiceCollection services)
    {
        // Both protocols carry one document: MessagePack is written and read through the hub's JSON options.
        var payload = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServerSetup.ConfigureJson(payload);
        var messagePack = LiveWire.MessagePackOptions(payload);
        services.AddSignalR(o => o.AddFilter<LiveHubFilter>())
            .AddJsonProtocol(o => o.PayloadSerializerOptions = payload)
            .AddMessagePackProtocol(o => o.SerializerOptions = messagePack);
        services.AddSingleton<LiveHubFilter>();
        services.AddSingleton<ShowCoordinator>();
        services.AddSingleton<LiveSessions>();
        services.AddSingleton<ProgramChangeNotifier>();
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
