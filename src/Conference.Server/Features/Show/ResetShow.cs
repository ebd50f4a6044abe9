using Conference.Domain.Show;
using Engine = Conference.Domain.Show;

namespace Conference.Server.Features.Show;

/// <summary>
/// Returns the show to "not started" after a rehearsal, for the organizer or a host. The log keeps what ran,
/// marked as a rehearsal; the live figures and timeline count only what follows the reset.
/// </summary>
public sealed record ResetShow(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new Engine.ResetShow(ExpectedRevision!.Value);
}
