using Conference.Domain.Show;
using Conference.Server.Live;

namespace Conference.Server.Features.Show;

/// <summary>Starts the show with the first segment that has not been skipped.</summary>
public sealed record StartShowRequest(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new StartShow(ExpectedRevision!.Value);
}

public sealed class StartShowValidator : ShowRequestValidator<StartShowRequest>;

public sealed class StartShowHandler(ShowCoordinator coordinator) : ShowRequestHandler<StartShowRequest>(coordinator);
