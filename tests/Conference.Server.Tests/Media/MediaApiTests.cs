using System.Net;
using Conference.Domain.Media;
using Conference.Server.Features.Attendance;
using Conference.Server.Media;
using Conference.Server.Tests.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Media;

/// <summary>The media side inside the running server (simulated provider): join tickets, the show steering the call, hub attendance.</summary>
public class MediaApiTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [Test]
    public async Task JoinMedia_AsAttendee_GetsATicketForTheConferenceRoom()
    {
        var conference = await CreateProgramAsync(Silence);
        using var attendee = await ParticipantClientAsync(conference.Id, "attendee");

        var ticket = await Read<MediaJoinTicket>(await attendee.PostAsync($"/api/conferences/{conference.Id}/media/join", null));
        Assert.That(ticket.Provider, Is.EqualTo("simulated"));
        Assert.That(ticket.Room, Is.EqualTo(MediaRooms.For(conference.Id)));
        Assert.That(ticket.Token, Is.Not.Empty);
    }

    [Test]
    public async Task RedeemingAJoinLink_AlsoGivesTheMediaTicket_WithTheRightsOfTheRole()
    {
        var conference = await CreateProgramAsync(Silence);
        var session = await ParticipantSessionAsync(conference.Id, "attendee");

        Assert.That(session.Media.Room, Is.EqualTo(MediaRooms.For(conference.Id)));
        Assert.That(session.Media.Provider, Is.EqualTo("simulated"));
        Assert.That(session.Media.ExpiresAt, Is.GreaterThan(Host.Clock.GetUtcNow()));
    }

    [Test]
    public async Task JoinMedia_ForAnotherConference_Is403_AndAnonymous401()
    {
        var conference = await CreateProgramAsync(Silence);
        var other = await CreateProgramAsync(Silence);
        using var attendee = await ParticipantClientAsync(other.Id, "attendee");

        await Problem(await attendee.PostAsync($"/api/conferences/{conference.Id}/media/join", null), HttpStatusCode.Forbidden);
        await Problem(await Anonymous.PostAsync($"/api/conferences/{conference.Id}/media/join", null), HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task ShowCommands_SteerTheCall_SilenceLocksTheHostThenTheSpeechGivesTheSpeakerTheFloor()
    {
        var conference = await CreateProgramAsync(Silence, Speech);
        var host = await AddParticipantAsync(conference.Id, "Nigar Host", "AZ", "host");
        var chairman = await AddParticipantAsync(conference.Id, "Fuad Muradov", "AZ", "speaker");
        var media = Host.Services.GetRequiredService<SimulatedMediaProvider>();
        var room = MediaRooms.For(conference.Id);
        await media.EnsureRoomAsync(room, CancellationToken.None);
        media.Join(room, new MediaMember(host.Id.ToString(), host.DisplayName, "AZ", true), PublishRights.Everything, MediaTrackSource.Microphone);
        media.Join(room, new MediaMember(chairman.Id.ToString(), chairman.DisplayName, "AZ", false), PublishRights.DataOnly);

        await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));
        await Eventually.Until(async () => (await RightsOf(media, room, host.Id)) == PublishRights.DataOnly);
        var hostTracks = (await media.ListParticipantsAsync(room, CancellationToken.None)).Single(p => p.Identity == host.Id.ToString()).Tracks;
        Assert.That(hostTracks.Where(t => !t.Muted), Is.Empty, "the host's microphone is silenced");
        // Hosts see that the call should be silent, and that it is (the status follows the convergence).
        await Eventually.Until(async () => await StatusAsync(conference.Id) is { Expected.AudienceMuted: true, Actual.AudienceMuted: true });
        Assert.That((await StatusAsync(conference.Id)).Actual!.OnStage, Is.Empty);

        var state = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        await Read<LiveShowState>(await PostShowAsync(conference.Id, "next", new { expectedRevision = state.Revision }));
        await Eventually.Until(async () => (await RightsOf(media, room, chairman.Id)) == PublishRights.Everything);
        Assert.That(await RightsOf(media, room, host.Id), Is.EqualTo(PublishRights.Everything));

        await Eventually.Until(async () => (await StatusAsync(conference.Id)).Actual?.OnStage.Count == 1);
        var status = await StatusAsync(conference.Id);
        Assert.That(status.State, Is.EqualTo(MediaSyncState.InSync));
        Assert.That(status.Expected!.AudienceMuted, Is.False);
        Assert.That(status.Expected.OnStage, Is.EqualTo(new[] { "Fuad Muradov" }), "who should have the floor");
        Assert.That(status.Actual!.OnStage, Is.EqualTo(new[] { "Fuad Muradov" }), "who has it in the call");
        Assert.That(status.Actual.AudienceMuted, Is.False, "the host's microphone may open again");
    }

    [Test]
    public async Task Speech_GivesTheFloorToTheRosterSpeakerById_NotToANamesakeInTheCall()
    {
        var conference = await CreateProgramAsync(Silence, Speech);
        var chairman = await AddParticipantAsync(conference.Id, "Fuad Muradov", "AZ", "speaker");
        var media = Host.Services.GetRequiredService<SimulatedMediaProvider>();
        var room = MediaRooms.For(conference.Id);
        await media.EnsureRoomAsync(room, CancellationToken.None);
        var namesake = Guid.NewGuid();
        media.Join(room, new MediaMember(namesake.ToString(), "Fuad Muradov", "AZ", false), PublishRights.DataOnly);
        media.Join(room, new MediaMember(chairman.Id.ToString(), "F. Muradov (phone)", "AZ", false), PublishRights.DataOnly);

        await Read<LiveShowState>(await PostShowAsync(conference.Id, "start", new { expectedRevision = 0 }));
        var state = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        await Read<LiveShowState>(await PostShowAsync(conference.Id, "next", new { expectedRevision = state.Revision }));

        await Eventually.Until(async () => (await RightsOf(media, room, chairman.Id)) == PublishRights.Everything);
        Assert.That(await RightsOf(media, room, namesake), Is.EqualTo(PublishRights.DataOnly), "a name shown in the call gives no floor");
    }

    [Test]
    public async Task HubConnection_CountsAsAttendance_UntilItCloses()
    {
        var conference = await CreateProgramAsync(Silence);
        var session = await ParticipantSessionAsync(conference.Id, "attendee");
        var client = await ConnectAsync(conference.Id, token: session.Token);

        var present = await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"));
        Assert.That(present.Present.Select(p => p.ParticipantId), Is.EqualTo(new[] { session.ParticipantId }));

        await client.DisposeAsync();
        await Eventually.Until(async () => (await Read<AttendanceDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance"))).ConnectedNow == 0);
        var log = await Read<List<AttendanceEntryDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/attendance/log"));
        Assert.That(log, Has.Count.EqualTo(1));
    }

    private async Task<MediaStatus> StatusAsync(Guid conferenceId) =>
        await Read<MediaStatus>(await Organizer.GetAsync($"/api/conferences/{conferenceId}/media/status"));

    private static async Task<PublishRights> RightsOf(SimulatedMediaProvider media, string room, Guid participantId) =>
        (await media.ListParticipantsAsync(room, CancellationToken.None)).Single(p => p.Identity == participantId.ToString()).Rights;
}
