using System.Text.Json;
using Conference.Client;
using Conference.Domain.Show;
using Conference.Server.Media;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Live;

/// <summary>
/// Every hub method and every pushed message over real SignalR connections, once per protocol: a JSON client and a
/// MessagePack client in the same conference receive the same values, whichever protocol the host's commands use.
/// </summary>
public class WireRoundTripTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [TestCase(LiveProtocol.Json)]
    [TestCase(LiveProtocol.MessagePack)]
    public async Task EveryHubMethodAndMessage_ArrivesAlikeOverBothProtocols(LiveProtocol hostProtocol)
    {
        var conference = await CreateProgramAsync(Speech, Custom("Music"), Custom("Awards"), Custom("Finale"), Custom("Closing"));
        var segments = conference.Segments.Select(s => s.Id).ToList();
        var json = await ConnectAsync(protocol: LiveProtocol.Json);
        var messagePack = await ConnectAsync(protocol: LiveProtocol.MessagePack);
        var (jsonSeen, messagePackSeen) = (Record(json), Record(messagePack));
        var jsonSnapshot = await json.JoinAsync(conference.Id);
        var messagePackSnapshot = await messagePack.JoinAsync(conference.Id);
        Assert.That(Wire(messagePackSnapshot), Is.EqualTo(Wire(jsonSnapshot)), nameof(IConferenceHub.JoinConference));
        var host = hostProtocol == LiveProtocol.Json ? json : messagePack;

        var results = new List<LiveShowState>
        {
            await host.StartShowAsync(),
            await host.AdjustTimeAsync(-30),
            await host.PauseAsync(),
            await host.ResumeAsync(),
            await host.AdvanceCueAsync(),
            await host.SetCueAsync(0),
            await host.GoToAsync(segments[2]),
            await host.SkipAsync(segments[3]),
            await host.NextAsync(),
            await host.SendMessageAsync(MessageAudience.Hosts, "Wrap up, please"),
        };
        results.Add(await host.EndShowAsync());
        await Task.WhenAll(
            WaitForAsync(json, s => s.Status == ShowStatus.Ended), WaitForAsync(messagePack, s => s.Status == ShowStatus.Ended));

        Assert.That(results.Select(r => r.Revision), Is.Ordered.Ascending);
        Assert.That(results[^1].SkippedSegmentIds, Is.EqualTo(new[] { segments[3] }));
        Assert.That(messagePackSeen.Revisions(), Is.EqualTo(jsonSeen.Revisions()), nameof(IConferenceClient.ShowChanged));
        Assert.That(Wire(messagePack.Show!), Is.EqualTo(Wire(json.Show!)));
        Assert.That(Wire(json.Show! with { ServerTime = results[^1].ServerTime }), Is.EqualTo(Wire(results[^1])));

        var message = await jsonSeen.Message.Task.WaitAsync(Patience);
        Assert.That(Wire(await messagePackSeen.Message.Task.WaitAsync(Patience)), Is.EqualTo(Wire(message)));
        Assert.That(message.Audience, Is.EqualTo(MessageAudience.Hosts));

        // Published as the media director does, so the hosts' sink pushes it over the hub.
        await Host.Services.GetRequiredService<MediaStatusReporter>().ReportAsync(
            new MediaStatus(conference.Id, "LiveKit", MediaSyncState.Degraded, "room service: unavailable", Host.Clock.GetUtcNow()),
            live: true,
            CancellationToken.None);
        var media = await jsonSeen.Media.Task.WaitAsync(Patience);
        Assert.That(Wire(await messagePackSeen.Media.Task.WaitAsync(Patience)), Is.EqualTo(Wire(media)));
        Assert.That(media.Error, Is.EqualTo("room service: unavailable"));

        await AddSegmentAsync(conference, Custom("Encore"));
        var notice = await jsonSeen.ProgramChanged.Task.WaitAsync(Patience);
        Assert.That(Wire(await messagePackSeen.ProgramChanged.Task.WaitAsync(Patience)), Is.EqualTo(Wire(notice)));
        Assert.That(notice.ProgramRevision, Is.EqualTo(conference.Revision + 1));
    }

    [TestCase(LiveProtocol.Json)]
    [TestCase(LiveProtocol.MessagePack)]
    public async Task SyncClock_EchoesTheClientsTicksWithTheServersClock(LiveProtocol protocol)
    {
        var client = await ConnectAsync(protocol: protocol);

        var sample = await client.Hub(CancellationToken.None).SyncClock(638712345678901234);

        Assert.That(sample.ClientSendTicks, Is.EqualTo(638712345678901234));
        Assert.That(sample.ServerTicks, Is.EqualTo(Host.Clock.GetUtcNow().UtcTicks));
    }

    [TestCase(LiveProtocol.Json)]
    [TestCase(LiveProtocol.MessagePack)]
    public async Task BadArguments_AreRefusedWithTheSameMessageOverBothProtocols(LiveProtocol protocol)
    {
        var conference = await CreateProgramAsync(Speech);
        var client = await ConnectAsync(conference.Id, protocol);

        var error = Assert.ThrowsAsync<HubException>(() => client.SendMessageAsync(MessageAudience.Hosts, ""));

        Assert.That(error!.Message, Does.Contain("'text'"));
    }

    /// <summary>What a value looks like in the one dialect, to compare values received over different protocols.</summary>
    private static string Wire<T>(T value) => JsonSerializer.Serialize(value, LiveWire.Json);

    private static Seen Record(ConferenceLiveClient client)
    {
        var seen = new Seen();
        client.ShowChanged += (_, state) =>
        {
            lock (seen.Changes)
            {
                seen.Changes.Add(state);
            }
        };
        client.MessageReceived += (_, message) => seen.Message.TrySetResult(message);
        client.MediaStatusChanged += (_, status) =>
        {
            if (status.State == MediaSyncState.Degraded)
            {
                seen.Media.TrySetResult(status);
            }
        };
        client.ProgramChanged += (_, notice) => seen.ProgramChanged.TrySetResult(notice);
        return seen;
    }

    private sealed class Seen
    {
        public List<LiveShowState> Changes { get; } = [];

        /// <summary>Each revision seen, in the dialect: a change is applied once, pushed or returned.</summary>
        public List<string> Revisions()
        {
            lock (Changes)
            {
                return [.. Changes.Select(Wire)];
            }
        }

        public TaskCompletionSource<HostMessage> Message { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<MediaStatus> Media { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<ProgramChangedNotice> ProgramChanged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
