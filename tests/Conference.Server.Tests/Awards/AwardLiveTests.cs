using System.Collections.Concurrent;
using System.Net.Http.Json;
using Conference.Client;
using Conference.Domain.Awards;
using Conference.Server.Features.Awards;
using Conference.Server.Tests.Live;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Tests.Awards;

/// <summary>The call-up and the marks over real hub connections, in both protocols, as participants receive them.</summary>
public class AwardLiveTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [TestCase(LiveProtocol.Json)]
    [TestCase(LiveProtocol.MessagePack)]
    public async Task CueInACeremony_AnnouncesTheRecipientToAttendees_AndProducersMarkOverTheHub(LiveProtocol protocol)
    {
        var conference = await CreateProgramAsync(new { kind = "awardsCeremony", title = "Medals", durationSeconds = 1200, awardName = "For service in diaspora activity" });
        var award = await Read<AwardDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards", new { segmentId = conference.Segments[0].Id }));
        var first = await AddParticipantAsync(conference.Id, "Leyla Hasanova", "GE", "attendee");
        var second = await AddParticipantAsync(conference.Id, "Orkhan Aliyev", "UA", "attendee");
        award = await Read<AwardDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards/{award.Id}/recipients",
            new { expectedRevision = 1, participantId = first.Id, citation = "For the Saturday school", photoUrl = "https://photos.example.org/leyla.jpg" }));
        award = await Read<AwardDto>(await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/awards/{award.Id}/recipients",
            new { expectedRevision = 2, participantId = second.Id, citation = "For the archive" }));

        var attendee = await ConnectAsync(conference.Id, protocol, (await ParticipantSessionAsync(conference.Id, "attendee")).Token);
        var producer = await ConnectAsync(conference.Id, protocol, (await ParticipantSessionAsync(conference.Id, "producer")).Token);
        var host = await ConnectAsync(conference.Id, protocol);
        var calls = new ConcurrentQueue<AwardeeCall>();
        attendee.AwardeeCalled += (_, call) => calls.Enqueue(call);
        var tallies = new ConcurrentQueue<AwardTallyNotice>();
        host.AwardTallyChanged += (_, notice) => tallies.Enqueue(notice);
        var attendeeTallies = 0;
        attendee.AwardTallyChanged += (_, _) => Interlocked.Increment(ref attendeeTallies);

        using var attendeeHttp = Host.CreateSessionClient((await ParticipantSessionAsync(conference.Id, "attendee")).Token);
        var called = $"/api/conferences/{conference.Id}/awards/called";
        Assert.That((await attendeeHttp.GetAsync(called)).StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NoContent), "nobody is called before the ceremony");

        var started = await host.StartShowAsync();
        await WaitUntilAsync(() => calls.Count == 1);
        await host.AdvanceCueAsync();
        await WaitUntilAsync(() => calls.Count == 2);

        Assert.That(calls.Select(c => (c.CueIndex, c.Name, c.Country, c.Citation, c.PhotoUrl, c.AwardName, c.Recipients)), Is.EqualTo(new[]
        {
            (0, "Leyla Hasanova", "GE", (string?)"For the Saturday school", (Uri?)new Uri("https://photos.example.org/leyla.jpg"), "For service in diaspora activity", 2),
            (1, "Orkhan Aliyev", "UA", (string?)"For the archive", (Uri?)null, "For service in diaspora activity", 2),
        }));
        Assert.That(calls.First().Revision, Is.EqualTo(started.Revision));
        Assert.That(await Read<AwardeeCall>(await attendeeHttp.GetAsync(called)), Is.EqualTo(calls.Last()), "a late joiner reads the caption of the moment");

        var tally = await producer.MarkAwardeeAsync(award.Id, second.Id, AwardOutcome.Presented);
        Assert.That((tally.Presented, tally.NotMarked, tally.CountriesPresented), Is.EqualTo((1, 1, 1)));
        await WaitUntilAsync(() => tallies.Count == 1);
        Assert.That(tallies.Single().Tally.ByCountry.Single(c => c.Country == "UA").Presented, Is.EqualTo(1));

        var refused = Assert.ThrowsAsync<HubException>(() => attendee.MarkAwardeeAsync(award.Id, first.Id, AwardOutcome.Absent));
        Assert.That(refused!.Message, Does.Contain("role does not allow"));
        Assert.That(attendeeTallies, Is.Zero, "the tally goes to the crew only");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out waiting for a pushed message");
            await Task.Delay(20);
        }
    }
}
