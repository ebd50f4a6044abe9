using Conference.Domain.Show;
using Conference.Server.Features.Show;
using Conference.Server.Identity;

namespace Conference.Server.Features.Appeals;

/// <summary>Resumes a paused queue: with nothing on air, the next appeal starts now.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record ResumeAppealQueue(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new ReleaseQueue(ExpectedRevision!.Value);
}
