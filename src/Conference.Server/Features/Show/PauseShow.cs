using Conference.Domain.Show;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Pauses the running segment's clock.</summary>
public sealed record PauseShow(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.PauseShow(ExpectedRevision!.Value);
}
