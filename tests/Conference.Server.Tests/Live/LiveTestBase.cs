using System.Net.Http.Json;
using Conference.Client;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Live;

/// <summary>Live-show tests: the API host (fake clock) plus live clients over the test server's WebSockets.</summary>
public abstract class LiveTestBase(DatabaseKind kind) : ApiTestBase(kind)
{
    /// <summary>Long enough for a slow shared machine, short enough that a lost broadcast fails fast.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly List<ConferenceLiveClient> _clients = [];

    protected static readonly object Speech = new
    {
        kind = "speech", title = "Address of the Chairman", durationSeconds = 600, speaker = new { name = "Fuad Muradov", country = "AZ" },
    };

    protected static readonly object Silence = new { kind = "minuteOfSilence", title = "Minute of silence" };

    protected static object Custom(string title, int seconds = 300) => new { kind = "custom", title, durationSeconds = seconds };

    [TearDown]
    public async Task CloseClients()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        _clients.Clear();
    }

    protected async Task<ConferenceDto> CreateProgramAsync(params object[] segments)
    {
        var conference = await CreateConferenceAsync();
        foreach (var segment in segments)
        {
            conference = await AddSegmentAsync(conference, segment);
        }

        return conference;
    }

    /// <summary>A started live client over the in-memory server; joined when <paramref name="conferenceId"/> is given.</summary>
    protected async Task<ConferenceLiveClient> ConnectAsync(
        Guid? conferenceId = null, LiveProtocol protocol = LiveProtocol.Json, string token = ApiHost.OrganizerKey)
    {
        var client = new ConferenceLiveClient(Host.Server.BaseAddress, token, new ConferenceClientOptions
        {
            Protocol = protocol,
            ClockSamples = 3,
            WebSocketFactory = async (context, ct) => await Host.Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct),
        });
        _clients.Add(client);
        await client.StartAsync();
        if (conferenceId is { } id)
        {
            await client.JoinAsync(id);
        }

        return client;
    }

    protected Task<HttpResponseMessage> PostShowAsync(Guid conferenceId, string action, object body) =>
        Organizer.PostAsJsonAsync($"/api/conferences/{conferenceId}/show/{action}", body);

    protected static async Task<LiveShowState> WaitForAsync(ConferenceLiveClient client, Func<LiveShowState, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await client.WaitForAsync(condition, timeout.Token);
    }
}
