using Conference.Domain.Show;
using Conference.Server.Live;
using FluentValidation;

namespace Conference.Server.Features.Show;

/// <summary>Moves the running segment to its next cue, or to 'cueIndex' when given (next awardee, next appeal).</summary>
public sealed record ChangeCueRequest(int? ExpectedRevision, int? CueIndex) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => CueIndex is { } index ? new SetCue(ExpectedRevision!.Value, index) : new AdvanceCue(ExpectedRevision!.Value);
}

public sealed class ChangeCueValidator : ShowRequestValidator<ChangeCueRequest>
{
    public ChangeCueValidator()
    {
        RuleFor(r => r.CueIndex).GreaterThanOrEqualTo(0).WithMessage("'cueIndex' is zero-based and cannot be negative.");
    }
}

public sealed class ChangeCueHandler(ShowCoordinator coordinator) : ShowRequestHandler<ChangeCueRequest>(coordinator);
