using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;

namespace Conference.Server.Features.Appeals;

/// <summary>Cuts the appeal on air short and plays the next one now (also while the queue is paused).</summary>
[Requires(Permission.ManageAppeals)]
public sealed record PlayNextAppeal(int? ExpectedRevision) : AppealQueueCommand(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new PlayNextCue(ExpectedRevision!.Value);
}

public sealed class PlayNextAppealValidator : AppealQueueCommandValidator<PlayNextAppeal>;

public sealed class PlayNextAppealHandler(ShowCoordinator coordinator) : AppealQueueCommandHandler<PlayNextAppeal>(coordinator);
