using Conference.Domain.Show;
using Conference.Server.Features.Show;
using Conference.Server.Identity;

namespace Conference.Server.Features.Appeals;

/// <summary>Cuts the appeal on air short and plays the next one now (also while the queue is paused).</summary>
[Requires(Permission.ManageAppeals)]
public sealed record PlayNextAppeal(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new PlayNextCue(ExpectedRevision!.Value);
}
