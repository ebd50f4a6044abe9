using Conference.Domain.Show;
using Conference.Server.Live;
using FluentValidation;

namespace Conference.Server.Features.Show;

/// <summary>Adds (positive) or takes (negative) whole seconds on the running segment.</summary>
public sealed record AdjustTimeRequest(int? ExpectedRevision, int? DeltaSeconds) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new AdjustTime(ExpectedRevision!.Value, TimeSpan.FromSeconds(DeltaSeconds!.Value));
}

public sealed class AdjustTimeValidator : ShowRequestValidator<AdjustTimeRequest>
{
    private static readonly int MaxSeconds = (int)ShowLimits.MaxAddedTime.TotalSeconds;

    public AdjustTimeValidator() =>
        RuleFor(r => r.DeltaSeconds)
            .NotNull().WithMessage("Send the seconds to add (positive) or take (negative) as 'deltaSeconds'.")
            .NotEqual(0).WithMessage("'deltaSeconds' of 0 changes nothing.")
            .InclusiveBetween(-MaxSeconds, MaxSeconds).WithMessage($"'deltaSeconds' is at most {MaxSeconds} seconds (4 hours) either way.");
}

public sealed class AdjustTimeHandler(ShowCoordinator coordinator) : ShowRequestHandler<AdjustTimeRequest>(coordinator);
