using System.Net;
using Conference.Client;
using Conference.Server.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Live;

public class ShowConcurrencyTests(DatabaseKind kind) : LiveTestBase(kind)
{
    private const int Rounds = 50;

    [Test]
    public async Task Next_SentByTwoHostsWithTheSameRevision_AdvancesOnceEveryRound()
    {
        var conference = await CreateProgramAsync([.. Enumerable.Range(0, Rounds + 1).Select(i => Custom($"Part {i}", 60))]);
        var first = await ConnectAsync(conference.Id, LiveProtocol.Json);
        var second = await ConnectAsync(conference.Id, LiveProtocol.MessagePack);
        var revision = (await first.StartShowAsync()).Revision;

        for (var round = 0; round < Rounds; round++)
        {
            var results = await Task.WhenAll(Attempt(first, revision), Attempt(second, revision));

            var winners = results.Where(r => r.State is not null).ToList();
            Assert.That(winners, Has.Count.EqualTo(1), $"round {round}: exactly one advance");
            var loser = results.Single(r => r.Error is not null);
            revision = winners[0].State!.Revision;
            Assert.That(loser.Error!.Message, Does.Contain($"the current revision is {revision}"), $"round {round}");
            Assert.That(winners[0].State!.CurrentSegmentTitle, Is.EqualTo($"Part {round + 1}"));
        }

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var log = await db.ShowEvents.Where(e => e.ConferenceId == conference.Id).Select(e => e.Revision).ToListAsync();
        Assert.That(log.Order(), Is.EqualTo(Enumerable.Range(1, 2 + (2 * Rounds))), "one SegmentEnded + SegmentStarted per round, no gap, no double");
    }

    [Test]
    public async Task Next_PostedTwiceWithTheSameRevision_SecondIs409WithCurrentRevision()
    {
        var conference = await CreateProgramAsync(Custom("One"), Custom("Two"), Custom("Three"), Custom("Four"), Custom("Five"), Custom("Six"));
        await Read<object>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));

        for (var revision = 2; revision < 12; revision += 2)
        {
            var responses = await Task.WhenAll(
                PostShowAsync(conference.Id, "next", new { expectedRevision = revision }),
                PostShowAsync(conference.Id, "next", new { expectedRevision = revision }));

            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1), $"revision {revision}");
            var problem = await Problem(responses.Single(r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict);
            Assert.That((int)problem["currentRevision"]!, Is.EqualTo(revision + 2));
        }
    }

    [Test]
    public async Task EventLog_RefusesASecondEventWithTheSameRevision()
    {
        var conference = await CreateProgramAsync(Custom("One"));
        await Read<object>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        db.ShowEvents.Add(ShowEventRecord.From(conference.Id, 2, new Domain.Show.Paused(Host.Clock.GetUtcNow())));

        Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static async Task<(LiveShowState? State, HubException? Error)> Attempt(ConferenceLiveClient host, int revision)
    {
        try
        {
            return (await host.NextAsync(revision), null);
        }
        catch (HubException error)
        {
            return (null, error);
        }
    }
}
