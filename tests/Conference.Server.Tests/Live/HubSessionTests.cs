using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Tests.Live;

/// <summary>A connection outlives the request that opened it: revoking or demoting must still take effect on it at once.</summary>
public class HubSessionTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [Test]
    public async Task RevokedInvitation_StopsAHostOnAnOpenConnection()
    {
        var conference = await CreateProgramAsync(Speech);
        var person = await AddParticipantAsync(conference.Id, "Nigar Host", "AZ", "host");
        var link = await InviteAsync(conference.Id, person.Id);
        var session = await JoinAsync(link.Code);
        var host = await ConnectAsync(conference.Id, token: session.Token);

        var revoked = await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations/{link.InvitationId}");
        Assert.That(revoked.IsSuccessStatusCode, Is.True, await revoked.Content.ReadAsStringAsync());

        var error = Assert.ThrowsAsync<HubException>(() => host.StartShowAsync());
        Assert.That(error!.Message, Does.Contain("revoked"));
        var show = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        Assert.That(show.Revision, Is.Zero, "the revoked host changed nothing");

        // Nor does the revoked connection keep watching: it was taken out of the conference's groups.
        var received = false;
        host.ShowChanged += (_, _) => received = true;
        var watcher = await ConnectAsync(conference.Id);
        await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));
        await WaitForAsync(watcher, s => s.Revision > 0);
        Assert.That(received, Is.False);
    }

    [Test]
    public async Task RoleTakenAway_IsGoneOnAnOpenConnection()
    {
        var conference = await CreateProgramAsync(Speech);
        var person = await AddParticipantAsync(conference.Id, "Nigar Host", "AZ", "host");
        var session = await JoinAsync((await InviteAsync(conference.Id, person.Id)).Code);
        var host = await ConnectAsync(conference.Id, token: session.Token);

        var demoted = await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/participants/{person.Id}",
            new { displayName = "Nigar Host", country = "AZ", roles = new[] { "attendee" } });
        Assert.That(demoted.IsSuccessStatusCode, Is.True, await demoted.Content.ReadAsStringAsync());

        var error = Assert.ThrowsAsync<HubException>(() => host.StartShowAsync());
        Assert.That(error!.Message, Does.Contain("role does not allow"));
    }

    [Test]
    public async Task ValidSession_KeepsWorkingOnItsConnection()
    {
        var conference = await CreateProgramAsync(Speech);
        var session = await ParticipantSessionAsync(conference.Id, "host");
        var host = await ConnectAsync(conference.Id, token: session.Token);

        var started = await host.StartShowAsync();
        Assert.That(started.Status, Is.EqualTo(Conference.Domain.Show.ShowStatus.Running));
    }
}
