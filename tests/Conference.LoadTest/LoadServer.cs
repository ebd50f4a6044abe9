using System.Net;
using Conference.Server.Infrastructure;
using Conference.Server.Live;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;

namespace Conference.LoadTest;

/// <summary>
/// The conference server composed exactly as Program.cs does, on Kestrel at 127.0.0.1 (a free port),
/// with a SQLite file (or the database and cluster settings given: a node of a cluster), plus a bare hub
/// on the same host for the baseline.
/// </summary>
internal sealed class LoadServer : IAsyncDisposable
{
    public const string OrganizerKey = "load-test-organizer-key-0123456789";
    public const string BarePath = "/hubs/bare";

    private readonly WebApplication _app;
    private readonly string _databaseFile;

    private LoadServer(WebApplication app, string databaseFile, Uri address)
    {
        _app = app;
        _databaseFile = databaseFile;
        Address = address;
    }

    public Uri Address { get; }

    public IHubContext<BareHub> BareHub => _app.Services.GetRequiredService<IHubContext<BareHub>>();

    /// <summary>A conference's group on the real hub, for a bare send that bypasses the show coordinator.</summary>
    public IClientProxy ConferenceGroup(Guid conferenceId) =>
        _app.Services.GetRequiredService<IHubContext<ConferenceHub>>().Clients.Group(LiveGroups.Conference(conferenceId));

    public static async Task<LoadServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var databaseFile = Path.Combine(Path.GetTempPath(), $"conference-load-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Conference"] = $"Data Source={databaseFile}",
            ["Auth:OrganizerKey"] = OrganizerKey,
            ["Auth:SessionSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Demo:SeedOnFirstRun"] = "false",
            // Join links are built from the public address in Production; this one is never opened by a browser.
            ["Auth:PublicBaseUrl"] = "http://127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Limits.MaxConcurrentConnections = null;
            o.Limits.MaxConcurrentUpgradedConnections = null;
        });
        builder.AddConferenceServer();

        var app = builder.Build();
        await app.PrepareAsync();
        app.UseConferenceServer();
        app.MapHub<BareHub>(BarePath);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoadServer(app, databaseFile, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>The baseline: a hub that does nothing but put every connection in one group.</summary>
internal sealed class BareHub : Hub
{
    public const string Everyone = "everyone";

    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, Everyone);
}
