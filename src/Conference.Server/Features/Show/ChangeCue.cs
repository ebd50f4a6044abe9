using Conference.Domain.Show;
using FluentValidation;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Moves the running segment to its next cue, or to 'cueIndex' when given (next awardee, next appeal).</summary>
public sealed record ChangeCue(int? ExpectedRevision, int? CueIndex) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() =>
        CueIndex is { } index ? new Engine.SetCue(ExpectedRevision!.Value, index) : new Engine.AdvanceCue(ExpectedRevision!.Value);
}

public sealed class ChangeCueValidator : AbstractValidator<ChangeCue>
{
    public ChangeCueValidator()
    {
        RuleFor(r => r.CueIndex).GreaterThanOrEqualTo(0).WithMessage("'cueIndex' is zero-based and cannot be negative.");
    }
}
