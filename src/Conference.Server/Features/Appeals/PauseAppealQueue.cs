using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;

namespace Conference.Server.Features.Appeals;

/// <summary>Pauses the queue: the appeal on air finishes, and nothing starts after it until it is resumed (or play-next).</summary>
[Requires(Permission.ManageAppeals)]
public sealed record PauseAppealQueue(int? ExpectedRevision) : AppealQueueCommand(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new HoldQueue(ExpectedRevision!.Value);
}

public sealed class PauseAppealQueueValidator : AppealQueueCommandValidator<PauseAppealQueue>;

public sealed class PauseAppealQueueHandler(ShowCoordinator coordinator) : AppealQueueCommandHandler<PauseAppealQueue>(coordinator);
