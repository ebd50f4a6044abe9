using Conference.Domain.Show;
using FluentValidation;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Ends the running segment and starts the named one, which has not run yet.</summary>
public sealed record GoToSegment(int? ExpectedRevision, Guid? SegmentId) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.GoToSegment(ExpectedRevision!.Value, SegmentId!.Value);
}

public sealed class GoToSegmentValidator : AbstractValidator<GoToSegment>
{
    public GoToSegmentValidator()
    {
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the segment to go to ('segmentId').")
            .NotEqual(Guid.Empty).WithMessage("'segmentId' is not a segment id.");
    }
}
