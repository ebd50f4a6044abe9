using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;

namespace Conference.Server.Features.Appeals;

/// <summary>Resumes a paused queue: with nothing on air, the next appeal starts now.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record ResumeAppealQueue(int? ExpectedRevision) : AppealQueueCommand(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new ReleaseQueue(ExpectedRevision!.Value);
}

public sealed class ResumeAppealQueueValidator : AppealQueueCommandValidator<ResumeAppealQueue>;

public sealed class ResumeAppealQueueHandler(ShowCoordinator coordinator) : AppealQueueCommandHandler<ResumeAppealQueue>(coordinator);
