using Conference.Domain.Show;
using Conference.Server.Features.Show;
using Conference.Server.Identity;

namespace Conference.Server.Features.Appeals;

/// <summary>Pauses the queue: the appeal on air finishes, and nothing starts after it until it is resumed (or play-next).</summary>
[Requires(Permission.ManageAppeals)]
public sealed record PauseAppealQueue(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new HoldQueue(ExpectedRevision!.Value);
}
