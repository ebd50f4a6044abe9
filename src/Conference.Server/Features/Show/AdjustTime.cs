using Conference.Domain.Show;
using FluentValidation;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Adds (positive) or takes (negative) whole seconds on the running segment.</summary>
public sealed record AdjustTime(int? ExpectedRevision, int? DeltaSeconds) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.AdjustTime(ExpectedRevision!.Value, TimeSpan.FromSeconds(DeltaSeconds!.Value));
}

public sealed class AdjustTimeValidator : AbstractValidator<AdjustTime>
{
    private static readonly int MaxSeconds = (int)ShowLimits.MaxAddedTime.TotalSeconds;

    public AdjustTimeValidator() =>
        RuleFor(r => r.DeltaSeconds)
            .NotNull().WithMessage("Send the seconds to add (positive) or take (negative) as 'deltaSeconds'.")
            .NotEqual(0).WithMessage("'deltaSeconds' of 0 changes nothing.")
            .InclusiveBetween(-MaxSeconds, MaxSeconds).WithMessage($"'deltaSeconds' is at most {MaxSeconds} seconds (4 hours) either way.");
}
