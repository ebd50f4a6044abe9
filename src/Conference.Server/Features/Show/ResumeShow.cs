using Conference.Domain.Show;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>Resumes the paused segment's clock; the pause is added to its deadline.</summary>
public sealed record ResumeShow(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.ResumeShow(ExpectedRevision!.Value);
}
