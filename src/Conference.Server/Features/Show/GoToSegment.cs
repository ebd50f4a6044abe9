using Conference.Domain.Show;
using Conference.Server.Live;
using FluentValidation;

namespace Conference.Server.Features.Show;

/// <summary>Ends the running segment and starts the named one, which has not run yet.</summary>
public sealed record GoToSegmentRequest(int? ExpectedRevision, Guid? SegmentId) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new GoToSegment(ExpectedRevision!.Value, SegmentId!.Value);
}

public sealed class GoToSegmentValidator : ShowRequestValidator<GoToSegmentRequest>
{
    public GoToSegmentValidator()
    {
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the segment to go to ('segmentId').")
            .NotEqual(Guid.Empty).WithMessage("'segmentId' is not a segment id.");
    }
}

public sealed class GoToSegmentHandler(ShowCoordinator coordinator) : ShowRequestHandler<GoToSegmentRequest>(coordinator);
