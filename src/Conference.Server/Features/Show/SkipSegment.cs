using Conference.Domain.Show;
using FluentValidation;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Skips a segment: a future one is passed over; the running one ends and the next starts.</summary>
public sealed record SkipSegment(int? ExpectedRevision, Guid? SegmentId) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.SkipSegment(ExpectedRevision!.Value, SegmentId!.Value);
}

public sealed class SkipSegmentValidator : AbstractValidator<SkipSegment>
{
    public SkipSegmentValidator()
    {
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the segment to skip ('segmentId').")
            .NotEqual(Guid.Empty).WithMessage("'segmentId' is not a segment id.");
    }
}
