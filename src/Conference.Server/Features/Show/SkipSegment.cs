using Conference.Domain.Show;
using Conference.Server.Live;
using FluentValidation;

namespace Conference.Server.Features.Show;

/// <summary>Skips a segment: a future one is passed over; the running one ends and the next starts.</summary>
public sealed record SkipSegmentRequest(int? ExpectedRevision, Guid? SegmentId) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new SkipSegment(ExpectedRevision!.Value, SegmentId!.Value);
}

public sealed class SkipSegmentValidator : ShowRequestValidator<SkipSegmentRequest>
{
    public SkipSegmentValidator()
    {
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the segment to skip ('segmentId').")
            .NotEqual(Guid.Empty).WithMessage("'segmentId' is not a segment id.");
    }
}

public sealed class SkipSegmentHandler(ShowCoordinator coordinator) : ShowRequestHandler<SkipSegmentRequest>(coordinator);
