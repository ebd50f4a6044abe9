using Conference.Domain.Appeals;

namespace Conference.Domain.Tests.Appeals;

public class SubmissionLinkTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = Created.AddDays(7);

    private static SubmissionLink NewLink() =>
        SubmissionLink.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Berlin Azerbaijani Society", "hash", Created, Deadline);

    [Test]
    public void Submitted_AfterTheDeadline_CountsFromWhenTheUploadBegan()
    {
        var link = NewLink();
        var appeal = Guid.NewGuid();

        Assert.Throws<DomainException>(() => link.Submitted(appeal, Deadline.AddMinutes(5)), "a one-shot upload after the deadline");
        link.Submitted(appeal, Deadline.AddMinutes(5), startedAt: Deadline.AddMinutes(-30));

        Assert.That((link.AppealId, link.LastSubmittedAt, link.SubmissionCount), Is.EqualTo(((Guid?)appeal, (DateTimeOffset?)Deadline.AddMinutes(5), 1)),
            "taken, and recorded when it completed");
        Assert.Throws<DomainException>(() => link.Submitted(appeal, Deadline.AddMinutes(6), startedAt: Deadline.AddMinutes(1)), "begun after the deadline");
    }

    [Test]
    public void Submitted_ThroughARevokedLink_IsRefused_WhenEverTheUploadBegan()
    {
        var link = NewLink();
        link.Revoke(Created.AddDays(1));

        Assert.Throws<DomainException>(() => link.Submitted(Guid.NewGuid(), Created.AddDays(2), startedAt: Created.AddHours(1)));
        Assert.That((link.StatusAt(Created.AddHours(1)), link.SubmissionCount), Is.EqualTo((SubmissionLinkStatus.Revoked, 0)));
    }
}
