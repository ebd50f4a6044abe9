using System.Net;
using Conference.Domain.Participants;
using Conference.Server.Features.Attendance;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Attendance;

/// <summary>The attendance store as the hub and the media webhook will feed it, and the queries over it.</summary>
public class AttendanceTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task ConnectedNow_CountsPeopleByCountryAndRole_NotConnections()
    {
        var conference = await CreateConferenceAsync();
        var host = await AddParticipantAsync(conference.Id, "Host", "AZ", "host");
        var speaker = await AddParticipantAsync(conference.Id, "Speaker", "TR", "speaker", "awardee");
        var attendee = await AddParticipantAsync(conference.Id, "Attendee", "AZ", "attendee");
        var left = await AddParticipantAsync(conference.Id, "Left Early", "DE", "attendee");

        await JoinAsync(conference.Id, host.Id, "hub-1");
        await JoinAsync(conference.Id, speaker.Id, "hub-2");
        await JoinAsync(conference.Id, speaker.Id, "media-2", AttendanceSource.Media);
        await JoinAsync(conference.Id, attendee.Id, "hub-3");
        await JoinAsync(conference.Id, attendee.Id, "hub-3-second-tab");
        await JoinAsync(conference.Id, left.Id, "hub-4");
        await LeaveAsync(conference.Id, "hub-4");

        var now = await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"));

        Assert.That(now.ConnectedNow, Is.EqualTo(3));
        Assert.That(now.Connections, Is.EqualTo(5));
        Assert.That(now.ByCountry, Is.EqualTo(new[] { new CountryCount("AZ", 2), new CountryCount("TR", 1) }));
        Assert.That(now.ByRole, Is.EqualTo(new[]
        {
            new RoleCount("host", 1), new RoleCount("producer", 0), new RoleCount("speaker", 1), new RoleCount("awardee", 1), new RoleCount("attendee", 1),
        }));
        Assert.That(now.Present.Single(p => p.ParticipantId == speaker.Id).Sources, Is.EqualTo(new[] { AttendanceSource.Hub, AttendanceSource.Media }));
    }

    [Test]
    public async Task Log_KeepsEveryStayWithInstantsAndDuration()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Reconnecting", "AZ", "speaker");
        var start = Host.Clock.GetUtcNow();

        await JoinAsync(conference.Id, person.Id, "hub-a");
        Host.Clock.Advance(TimeSpan.FromMinutes(10));
        await LeaveAsync(conference.Id, "hub-a");
        await LeaveAsync(conference.Id, "hub-a");
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await JoinAsync(conference.Id, person.Id, "hub-b");
        await JoinAsync(conference.Id, person.Id, "hub-b");

        var log = await Read<List<AttendanceEntryDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance/log"));

        Assert.That(log, Has.Count.EqualTo(2));
        Assert.That(log[0].JoinedAt, Is.EqualTo(start));
        Assert.That(log[0].LeftAt, Is.EqualTo(start.AddMinutes(10)), "a second leave keeps the first");
        Assert.That(log[0].DurationSeconds, Is.EqualTo(600));
        Assert.That(log[1].ConnectionId, Is.EqualTo("hub-b"));
        Assert.That(log[1].LeftAt, Is.Null);
        Assert.That(log[1].Roles, Is.EqualTo(new[] { "speaker" }));
        Assert.That(log[1].DisplayName, Is.EqualTo("Reconnecting"));
    }

    [Test]
    public async Task Log_KeepsStaysOfParticipantsDeletedSince()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Deleted Later", "FR", "attendee");
        await JoinAsync(conference.Id, person.Id, "hub-x");

        await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/participants/{person.Id}");

        var entry = (await Read<List<AttendanceEntryDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance/log"))).Single();
        Assert.That(entry.ParticipantId, Is.EqualTo(person.Id));
        Assert.That(entry.Country, Is.EqualTo("FR"));
        Assert.That(entry.DisplayName, Is.Null);
    }

    [Test]
    public async Task CloseAll_EndsOnlyTheStaysOfThatSource()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Two Ways", "AZ", "speaker");
        await JoinAsync(conference.Id, person.Id, "hub-1");
        await JoinAsync(conference.Id, person.Id, "room-1", AttendanceSource.Media);

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var closed = await scope.ServiceProvider.GetRequiredService<IAttendanceLog>().CloseAllAsync(conference.Id, AttendanceSource.Media);
            Assert.That(closed, Is.EqualTo(1));
        }

        var now = await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"));
        Assert.That(now.Connections, Is.EqualTo(1));
        Assert.That(now.Present.Single().Sources, Is.EqualTo(new[] { AttendanceSource.Hub }));
    }

    [Test]
    public async Task Restart_ClosesTheStaysTheHubLeftOpen_AtStartUp_AndLeavesTheCallsOpen()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Cut Off", "AZ", "attendee");
        await JoinAsync(conference.Id, person.Id, "hub-before-crash");
        await JoinAsync(conference.Id, person.Id, "room-1", AttendanceSource.Media);

        // A server started on the same database after the first stopped without closing its connections.
        await using var restarted = new ApiHost(Database);
        var startUp = Host.Clock.GetUtcNow().AddMinutes(7);
        restarted.Clock.SetUtcNow(startUp);
        using var organizer = restarted.CreateOrganizerClient();

        var log = await Read<List<AttendanceEntryDto>>(await organizer.GetAsync($"/api/conferences/{conference.Id}/attendance/log"));
        Assert.That(log.Single(e => e.ConnectionId == "hub-before-crash").LeftAt, Is.EqualTo(startUp));
        Assert.That(log.Single(e => e.ConnectionId == "room-1").LeftAt, Is.Null, "the media room outlives the server; its webhook closes its stays");
    }

    [Test]
    public async Task Join_OfSomeoneNotInTheConference_RecordsNothing()
    {
        var conference = await CreateConferenceAsync();
        var other = await CreateConferenceAsync("Other");
        var stranger = await AddParticipantAsync(other.Id, "Stranger", "AZ");

        await using var scope = Host.Services.CreateAsyncScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<IAttendanceLog>()
            .RecordJoinAsync(conference.Id, stranger.Id, "hub-s", AttendanceSource.Hub);

        Assert.That(recorded, Is.False);
        Assert.That((await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"))).ConnectedNow, Is.Zero);
    }

    [Test]
    public async Task Attendance_OfUnknownConference_Is404()
    {
        await Problem(await Organizer.GetAsync($"/api/conferences/{Guid.NewGuid()}/attendance"), HttpStatusCode.NotFound);
        await Problem(await Organizer.GetAsync($"/api/conferences/{Guid.NewGuid()}/attendance/log"), HttpStatusCode.NotFound);
    }

    private async Task JoinAsync(Guid conferenceId, Guid participantId, string connectionId, AttendanceSource source = AttendanceSource.Hub)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<IAttendanceLog>().RecordJoinAsync(conferenceId, participantId, connectionId, source);
        Assert.That(recorded, Is.True);
    }

    private async Task LeaveAsync(Guid conferenceId, string connectionId, AttendanceSource source = AttendanceSource.Hub)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAttendanceLog>().RecordLeaveAsync(conferenceId, connectionId, source);
    }
}
