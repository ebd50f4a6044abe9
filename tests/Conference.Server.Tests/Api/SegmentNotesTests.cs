using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Api;

/// <summary>Segment notes are cues for the people on stage: the public program leaves them out.</summary>
public class SegmentNotesTests(DatabaseKind kind) : ApiTestBase(kind)
{
    private const string Note = "Cue the choir after the second verse";

    [Test]
    public async Task Notes_AreOutOfTheAnonymousProgram_AndAnAttendees()
    {
        var conference = await ProgramWithNotesAsync();
        using var attendee = await ParticipantClientAsync(conference.Id, "attendee");
        using var producer = await ParticipantClientAsync(conference.Id, "producer");

        foreach (var client in new[] { Anonymous, attendee, producer })
        {
            var program = await Read<ConferenceDto>(await client.GetAsync($"/api/conferences/{conference.Id}"));
            Assert.That(program.Segments.Single().Notes, Is.Null);
            Assert.That(program.Segments.Single().Title, Is.EqualTo("Anthem"), "the rest of the program is public");
        }
    }

    [TestCase("host")]
    [TestCase("speaker")]
    public async Task Notes_AreForHostsAndSpeakers_AndTheOrganizer(string role)
    {
        var conference = await ProgramWithNotesAsync();
        using var member = await ParticipantClientAsync(conference.Id, role);

        foreach (var client in new[] { member, Organizer })
        {
            var program = await Read<ConferenceDto>(await client.GetAsync($"/api/conferences/{conference.Id}"));
            Assert.That(program.Segments.Single().Notes, Is.EqualTo(Note));
        }
    }

    [Test]
    public async Task Notes_OfAnotherConferencesHost_AreNotShown()
    {
        var conference = await ProgramWithNotesAsync();
        var other = await CreateConferenceAsync("Another");
        using var outsider = await ParticipantClientAsync(other.Id, "host");

        var program = await Read<ConferenceDto>(await outsider.GetAsync($"/api/conferences/{conference.Id}"));
        Assert.That(program.Segments.Single().Notes, Is.Null);
    }

    private async Task<ConferenceDto> ProgramWithNotesAsync() =>
        await AddSegmentAsync(await CreateConferenceAsync(), new { kind = "anthem", title = "Anthem", durationSeconds = 90, notes = Note });
}
