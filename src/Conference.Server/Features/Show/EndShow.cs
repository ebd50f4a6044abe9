using Conference.Domain.Show;
using Conference.Server.Live;

namespace Conference.Server.Features.Show;

/// <summary>Ends the show (and the running segment).</summary>
public sealed record EndShowRequest(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new EndShow(ExpectedRevision!.Value);
}

public sealed class EndShowValidator : ShowRequestValidator<EndShowRequest>;

public sealed class EndShowHandler(ShowCoordinator coordinator) : ShowRequestHandler<EndShowRequest>(coordinator);
