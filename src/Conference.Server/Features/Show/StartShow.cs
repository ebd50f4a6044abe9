using Conference.Domain.Show;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Starts the show with the first segment that has not been skipped.</summary>
public sealed record StartShow(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.StartShow(ExpectedRevision!.Value);
}
