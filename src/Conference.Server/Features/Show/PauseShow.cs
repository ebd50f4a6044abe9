using Conference.Domain.Show;
using Conference.Server.Live;

namespace Conference.Server.Features.Show;

/// <summary>Pauses the running segment's clock.</summary>
public sealed record PauseShowRequest(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new PauseShow(ExpectedRevision!.Value);
}

public sealed class PauseShowValidator : ShowRequestValidator<PauseShowRequest>;

public sealed class PauseShowHandler(ShowCoordinator coordinator) : ShowRequestHandler<PauseShowRequest>(coordinator);
