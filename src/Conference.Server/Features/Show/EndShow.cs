using Conference.Domain.Show;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Ends the show (and the running segment).</summary>
public sealed record EndShow(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.EndShow(ExpectedRevision!.Value);
}
