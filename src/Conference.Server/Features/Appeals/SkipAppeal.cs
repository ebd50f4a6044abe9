using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;
using FluentValidation;

namespace Conference.Server.Features.Appeals;

/// <summary>Skips an appeal of the block on air: the one playing stops (the next starts), a waiting one will not play.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record SkipAppeal(int? ExpectedRevision, Guid? AppealId) : AppealQueueCommand(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new SkipCue(ExpectedRevision!.Value, AppealId!.Value);
}

public sealed class SkipAppealValidator : AppealQueueCommandValidator<SkipAppeal>
{
    public SkipAppealValidator() => RuleFor(r => r.AppealId).NotNull().WithMessage("Name the appeal to skip ('appealId').");
}

public sealed class SkipAppealHandler(ShowCoordinator coordinator) : AppealQueueCommandHandler<SkipAppeal>(coordinator);
