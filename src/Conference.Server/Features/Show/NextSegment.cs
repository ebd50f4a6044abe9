using Conference.Domain.Show;
using Conference.Server.Live;

namespace Conference.Server.Features.Show;

/// <summary>Ends the running segment and starts the next one in program order.</summary>
public sealed record NextSegmentRequest(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new NextSegment(ExpectedRevision!.Value);
}

public sealed class NextSegmentValidator : ShowRequestValidator<NextSegmentRequest>;

public sealed class NextSegmentHandler(ShowCoordinator coordinator) : ShowRequestHandler<NextSegmentRequest>(coordinator);
