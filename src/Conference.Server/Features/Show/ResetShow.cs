using Conference.Domain.Show;
using Conference.Server.Live;

namespace Conference.Server.Features.Show;

/// <summary>
/// Returns the show to "not started" after a rehearsal, for the organizer or a host. The log keeps what ran,
/// marked as a rehearsal; the live figures and timeline count only what follows the reset.
/// </summary>
public sealed record ResetShowRequest(int? ExpectedRevision) : ShowRequest(ExpectedRevision)
{
    public override ShowCommand ToCommand() => new ResetShow(ExpectedRevision!.Value);
}

public sealed class ResetShowValidator : ShowRequestValidator<ResetShowRequest>;

public sealed class ResetShowHandler(ShowCoordinator coordinator) : ShowRequestHandler<ResetShowRequest>(coordinator);
