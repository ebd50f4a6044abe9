using Conference.Domain.Show;
using Conference.Server.Features.Show;
using Conference.Server.Identity;
using FluentValidation;

namespace Conference.Server.Features.Appeals;

/// <summary>Skips an appeal of the block on air: the one playing stops (the next starts), a waiting one will not play.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record SkipAppeal(int? ExpectedRevision, Guid? AppealId) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new SkipCue(ExpectedRevision!.Value, AppealId!.Value);
}

public sealed class SkipAppealValidator : AbstractValidator<SkipAppeal>
{
    public SkipAppealValidator() => RuleFor(r => r.AppealId).NotNull().WithMessage("Name the appeal to skip ('appealId').");
}
