using Conference.Domain.Participants;

namespace Conference.Domain.Tests.Participants;

public class ParticipantRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void RoleNames_RoundTripEveryRole_InAFixedOrder()
    {
        var all = RoleNames.All.Aggregate(ParticipantRoles.None, (a, r) => a | r);
        Assert.That(RoleNames.ToNames(all), Is.EqualTo(new[] { "host", "producer", "speaker", "awardee", "attendee" }));
        Assert.That(RoleNames.ParseAll(["Awardee", " speaker "]), Is.EqualTo(ParticipantRoles.Speaker | ParticipantRoles.Awardee));
    }

    [TestCase("king")]
    [TestCase("none")]
    [TestCase("organizer")]
    [TestCase("")]
    [TestCase(null)]
    public void RoleNames_SomethingThatIsNotAParticipantRole_IsRefused(string? name)
    {
        Assert.That(RoleNames.Parse(name), Is.Null);
        Assert.That(RoleNames.ParseAll(["speaker", name]), Is.Null);
    }

    [Test]
    public void Participant_WithoutRoles_IsNotPossible()
    {
        Assert.That(() => Participant.Create(Guid.NewGuid(), Guid.NewGuid(), new("Nobody", "AZ", "az", null, ParticipantRoles.None), ParticipantOrigin.Roster, Now),
            Throws.InstanceOf<ProgramRuleException>());
    }

    [Test]
    public void IdentityKey_IgnoresCaseAndSpacing_AndPrefersTheEmail()
    {
        Assert.That(Participant.IdentityKeyOf("Ali  ALIYEV ", "az", null), Is.EqualTo(Participant.IdentityKeyOf("ali aliyev", "AZ", "")));
        Assert.That(Participant.IdentityKeyOf("Ali Aliyev", "AZ", null), Is.Not.EqualTo(Participant.IdentityKeyOf("Ali Aliyev", "TR", null)));
        Assert.That(Participant.IdentityKeyOf("Ali", "AZ", "Ali@Example.org"), Is.EqualTo(Participant.IdentityKeyOf("Ali Aliyev", "TR", "ali@example.org")));
    }

    [Test]
    public void AddRoles_KeepsTheOnesHeld_AndSaysWhetherAnythingChanged()
    {
        var speaker = Participant.Create(Guid.NewGuid(), Guid.NewGuid(), new("Leyla", "AZ", "az", null, ParticipantRoles.Speaker), ParticipantOrigin.Roster, Now);
        Assert.That(speaker.AddRoles(ParticipantRoles.Awardee), Is.True);
        Assert.That(speaker.AddRoles(ParticipantRoles.Speaker), Is.False);
        Assert.That(speaker.Roles, Is.EqualTo(ParticipantRoles.Speaker | ParticipantRoles.Awardee));
    }

    [Test]
    public void Invitation_IsActiveUntilItExpires_AndRevokedForGood()
    {
        var invitation = Invitation.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "hash", Now, Now.AddHours(1));
        Assert.That(invitation.StatusAt(Now.AddMinutes(59)), Is.EqualTo(InvitationStatus.Active));
        Assert.That(invitation.StatusAt(Now.AddHours(1)), Is.EqualTo(InvitationStatus.Expired));

        invitation.Revoke(Now.AddMinutes(5));
        invitation.Revoke(Now.AddMinutes(10));
        Assert.That(invitation.RevokedAt, Is.EqualTo(Now.AddMinutes(5)));
        Assert.That(() => invitation.Redeem(Now.AddMinutes(6)), Throws.InstanceOf<DomainException>());
    }

    [Test]
    public void Invitation_ExpiringInThePast_IsNotPossible()
    {
        Assert.That(() => Invitation.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "hash", Now, Now),
            Throws.InstanceOf<ProgramRuleException>());
    }

    [Test]
    public void Registration_ClosedOrFull_Refuses_OtherwiseClaimsASeat()
    {
        var policy = RegistrationPolicy.ClosedFor(Guid.NewGuid());
        Assert.That(() => policy.Admit(0), Throws.InstanceOf<DomainException>().With.Message.Contains("closed"));

        policy.Configure(isOpen: true, capacity: 2);
        policy.Admit(1);
        Assert.That(policy.Version, Is.EqualTo(1));
        Assert.That(() => policy.Admit(2), Throws.InstanceOf<ConferenceFullException>().With.Property(nameof(ConferenceFullException.Capacity)).EqualTo(2));
        Assert.That(() => policy.Configure(true, 0), Throws.InstanceOf<ProgramRuleException>());
    }

    [Test]
    public void AttendanceStay_LeavesOnce_AndNeverBeforeItJoined()
    {
        var stay = AttendanceRecord.Join(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "c1", AttendanceSource.Media, "AZ", ParticipantRoles.Attendee, Now);
        stay.Leave(Now.AddMinutes(-1));
        Assert.That(stay.LeftAt, Is.EqualTo(Now));
        stay.Leave(Now.AddMinutes(5));
        Assert.That(stay.LeftAt, Is.EqualTo(Now));
        Assert.That(stay.IsConnected, Is.False);
    }
}
