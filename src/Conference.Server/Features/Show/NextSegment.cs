using Conference.Domain.Show;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Ends the running segment and starts the next one in program order.</summary>
public sealed record NextSegment(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.NextSegment(ExpectedRevision!.Value);
}
