using Conference.Domain.Show;
using Conference.Server.Live;

namespace Conference.Server.Features.Show;

/// <summary>Resumes the paused segment's clock; the pause is added to its deadline.</summary>
public sealed record ResumeShowRequest(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new ResumeShow(ExpectedRevision!.Value);
}

public sealed class ResumeShowValidator : ShowRequestValidator<ResumeShowRequest>;

public sealed class ResumeShowHandler(ShowCoordinator coordinator) : ShowRequestHandler<ResumeShowRequest>(coordinator);
