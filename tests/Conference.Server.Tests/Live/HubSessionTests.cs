using System.Net.Http.Json;
using Conference.Client;
using Conference.Server.Features.Attendance;
using LiveSessions = Conference.Server.Live.LiveSessions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Live;

/// <summary>
/// A connection outlives the request that opened it: revoking, deleting, expiring or demoting must still take
/// effect on it at once. The server closes the connection of a session that ended, and attendance shows the
/// person gone.
/// </summary>
public class HubSessionTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [Test]
    public async Task RevokedInvitation_ClosesTheOpenConnection_AndAttendanceShowsThemGone()
    {
        var conference = await CreateProgramAsync(Speech);
        var person = await AddParticipantAsync(conference.Id, "Nigar Host", "AZ", "host");
        var link = await InviteAsync(conference.Id, person.Id);
        var host = await ConnectAsync(conference.Id, token: (await JoinAsync(link.Code)).Token);
        Assert.That((await AttendanceAsync(conference.Id)).ConnectedNow, Is.EqualTo(1));

        var revoked = await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations/{link.InvitationId}");
        Assert.That(revoked.IsSuccessStatusCode, Is.True, await revoked.Content.ReadAsStringAsync());

        await WaitUntilClosedAsync(host);
        Assert.That(host.EndedReason, Does.Contain("revoked"));
        await WaitUntilAsync(async () => (await AttendanceAsync(conference.Id)).ConnectedNow == 0, "attendance shows the revoked host gone");
        var show = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        Assert.That(show.Revision, Is.Zero, "the revoked host changed nothing");
    }

    [Test]
    public async Task DeletedParticipant_IsDisconnected()
    {
        var conference = await CreateProgramAsync(Speech);
        var person = await AddParticipantAsync(conference.Id, "Rauf Guest", "DE", "attendee");
        var guest = await ConnectAsync(conference.Id, token: (await JoinAsync((await InviteAsync(conference.Id, person.Id)).Code)).Token);

        var deleted = await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/participants/{person.Id}");
        Assert.That(deleted.IsSuccessStatusCode, Is.True, await deleted.Content.ReadAsStringAsync());

        await WaitUntilClosedAsync(guest);
        Assert.That(guest.EndedReason, Does.Contain("removed"));
        await WaitUntilAsync(async () => (await AttendanceAsync(conference.Id)).ConnectedNow == 0, "attendance shows the deleted guest gone");
    }

    [Test]
    public async Task ExpiredSession_IsDisconnected_SayingItExpired()
    {
        var conference = await CreateProgramAsync(Speech);
        var person = await AddParticipantAsync(conference.Id, "Leyla Guest", "FR", "attendee");
        var link = await InviteAsync(conference.Id, person.Id, Host.Clock.GetUtcNow().AddHours(1));
        var guest = await ConnectAsync(conference.Id, token: (await JoinAsync(link.Code)).Token);
        var other = await ConnectAsync(conference.Id, token: (await ParticipantSessionAsync(conference.Id, "attendee")).Token);

        Host.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.That(guest.Connection.State, Is.EqualTo(HubConnectionState.Connected), "still within its lifetime");
        Host.Clock.Advance(TimeSpan.FromMinutes(1));

        await WaitUntilClosedAsync(guest);
        Assert.That(guest.EndedReason, Does.Contain("expired").And.Not.Contain("revoked"));
        await WaitUntilAsync(async () => (await AttendanceAsync(conference.Id)).ConnectedNow == 1, "only the one whose session is still good stays");
        Assert.That(other.Connection.State, Is.EqualTo(HubConnectionState.Connected));
    }

    [Test]
    public async Task DemotedHost_LeavesTheHostsGroupAtOnce_AndGetsNoMoreHostMessages()
    {
        var conference = await CreateProgramAsync(Speech);
        var person = await AddParticipantAsync(conference.Id, "Nigar Host", "AZ", "host");
        var session = await JoinAsync((await InviteAsync(conference.Id, person.Id)).Code);
        var host = await ConnectAsync(conference.Id, token: session.Token);
        var messages = new List<string>();
        host.MessageReceived += (_, m) => { lock (messages) { messages.Add(m.Text); } };

        await Read<LiveShowState>(await PostShowAsync(conference.Id, "message", new { expectedRevision = 0, audience = "hosts", text = "before" }));
        await WaitUntilAsync(() => Task.FromResult(Count(messages) == 1), "a host reads host messages");

        var demoted = await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/participants/{person.Id}",
            new { displayName = "Nigar Host", country = "AZ", roles = new[] { "attendee" } });
        Assert.That(demoted.IsSuccessStatusCode, Is.True, await demoted.Content.ReadAsStringAsync());

        await Read<LiveShowState>(await PostShowAsync(conference.Id, "message", new { expectedRevision = 1, audience = "hosts", text = "after" }));
        await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 2 }));

        // The start reaches the conference group after the message went to the hosts: once it is here, the message would be too.
        await WaitForAsync(host, s => s.Revision >= 4);
        Assert.That(Count(messages), Is.EqualTo(1), "no host message after the demotion");
        var error = Assert.ThrowsAsync<HubException>(() => host.NextAsync());
        Assert.That(error!.Message, Does.Contain("role does not allow"));
        Assert.That(host.Connection.State, Is.EqualTo(HubConnectionState.Connected), "an attendee still watches");
    }

    [Test]
    public async Task AClientThatIgnoresTheEnd_IsCutOffByTheServer()
    {
        var conference = await CreateProgramAsync(Speech);
        var person = await AddParticipantAsync(conference.Id, "Stubborn Guest", "AZ", "attendee");
        var link = await InviteAsync(conference.Id, person.Id);
        var token = (await JoinAsync(link.Code)).Token;
        await using var raw = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.Server.BaseAddress, $"{ConferenceLiveClient.HubPath}?access_token={Uri.EscapeDataString(token)}"), o =>
            {
                o.SkipNegotiation = true;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.WebSocketFactory = async (context, ct) => await Host.Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct);
            })
            .Build();
        var closed = new TaskCompletionSource();
        raw.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await raw.StartAsync();
        await raw.InvokeAsync<object>("JoinConference", conference.Id);

        var revoked = await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations/{link.InvitationId}");
        Assert.That(revoked.IsSuccessStatusCode, Is.True);
        Assert.That(raw.State, Is.EqualTo(HubConnectionState.Connected), "within the grace it may still read why");

        Host.Clock.Advance(LiveSessions.CloseGrace);
        Assert.That(await Task.WhenAny(closed.Task, Task.Delay(Patience)), Is.SameAs(closed.Task), "the server closed it");
        await WaitUntilAsync(async () => (await AttendanceAsync(conference.Id)).ConnectedNow == 0, "attendance shows them gone");
    }

    [Test]
    public async Task ValidSession_KeepsWorkingOnItsConnection()
    {
        var conference = await CreateProgramAsync(Speech);
        var session = await ParticipantSessionAsync(conference.Id, "host");
        var host = await ConnectAsync(conference.Id, token: session.Token);

        var started = await host.StartShowAsync();
        Assert.That(started.Status, Is.EqualTo(Conference.Domain.Show.ShowStatus.Running));
        Assert.That(Host.Services.GetRequiredService<LiveSessions>().Count, Is.EqualTo(1));
    }

    private static int Count(List<string> messages)
    {
        lock (messages)
        {
            return messages.Count;
        }
    }

    private async Task<AttendanceDto> AttendanceAsync(Guid conferenceId) =>
        await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conferenceId}/attendance"));

    private static Task WaitUntilClosedAsync(ConferenceLiveClient client) =>
        WaitUntilAsync(() => Task.FromResult(client.Connection.State == HubConnectionState.Disconnected), "the server closed the connection");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(20);
        }
    }
}

/// <summary>An attendee pressing host buttons is the attendee's mistake: one warning line each, never an error with a stack trace.</summary>
public class HubRefusalLogTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [Test]
    public async Task RefusedAndConflictingHubCalls_AreWarningsWithoutStackTraces()
    {
        var conference = await CreateProgramAsync(Speech);
        var attendee = await ConnectAsync(conference.Id, token: (await ParticipantSessionAsync(conference.Id, "attendee")).Token);
        var organizer = await ConnectAsync(conference.Id);
        var before = Host.Logs.Entries.Count;

        for (var i = 0; i < 5; i++)
        {
            Assert.ThrowsAsync<HubException>(() => attendee.StartShowAsync(0));
        }

        Assert.ThrowsAsync<HubException>(() => organizer.StartShowAsync(7));
        Assert.ThrowsAsync<HubException>(() => organizer.NextAsync(0));

        var logged = Host.Logs.Entries.Skip(before).ToList();
        Assert.That(logged.Count(e => e.Category.EndsWith("LiveHubFilter", StringComparison.Ordinal)), Is.EqualTo(7));
        Assert.That(logged, Has.All.Matches<CapturedLog>(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Exception is null),
            string.Join(Environment.NewLine, logged.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}")));
        Assert.That(logged.Select(e => e.Message), Has.Some.Contains("role does not allow").And.Some.Contains("current revision"));
    }
}
