using Conference.Domain.Participants;
using Conference.Domain.Reports;

namespace Conference.Domain.Tests.Reports;

public class AttendanceSectionTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 31, 11, 0, 0, TimeSpan.Zero);
    private static readonly Guid Conference = Guid.NewGuid();

    [Test]
    public void TwoConnectionsOfOnePerson_AreOnePresence_ArrivingWithTheFirstAndLeavingWithTheLast()
    {
        var person = Guid.NewGuid();
        var other = Guid.NewGuid();
        var stays = new[]
        {
            Stay(person, "hub", 0, 30),
            Stay(person, "call", 10, 45),
            Stay(other, "hub", 20, null),
        };

        var section = AttendanceSection.Compute(stays, null, T.AddMinutes(50));

        Assert.That((section.UniqueParticipants, section.Stays, section.PeakConcurrent, section.PeakAt), Is.EqualTo((2, 3, 2, (DateTimeOffset?)T.AddMinutes(20))));
        Assert.That(section.PerMinute.Where(m => m.Arrivals + m.Departures > 0).Select(m => (m.Minute, m.Arrivals, m.Departures, m.PresentAtEnd)),
            Is.EqualTo(new[] { (T, 1, 0, 1), (T.AddMinutes(20), 1, 0, 2), (T.AddMinutes(45), 0, 1, 1) }));
        Assert.That(section.PerMinute[5].PresentAtEnd, Is.EqualTo(1), "a quiet minute carries the count");
        Assert.That((section.Stayed.LongestSeconds, section.Stayed.ShortestSeconds), Is.EqualTo((45 * 60, 30 * 60)), "the open stay counts until now");
    }

    [Test]
    public void Stays_BeforeTheLiveStart_AreLeftOut_AndThoseAcrossItAreCut()
    {
        var section = AttendanceSection.Compute(
            [Stay(Guid.NewGuid(), "a", 0, 10), Stay(Guid.NewGuid(), "b", 5, 40)], T.AddMinutes(20), T.AddMinutes(60));

        Assert.That(section.UniqueParticipants, Is.EqualTo(1));
        Assert.That(section.Stayed.LongestSeconds, Is.EqualTo(20 * 60));
        Assert.That(section.PerMinute[0].Minute, Is.EqualTo(T.AddMinutes(20)));
    }

    private static AttendanceRecord Stay(Guid person, string connection, int fromMinute, int? toMinute)
    {
        var stay = AttendanceRecord.Join(Guid.NewGuid(), Conference, person, connection, AttendanceSource.Hub, "AZ", ParticipantRoles.Attendee, T.AddMinutes(fromMinute));
        if (toMinute is { } to)
        {
            stay.Leave(T.AddMinutes(to));
        }

        return stay;
    }
}
