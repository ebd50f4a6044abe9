using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Conferences;

[Requires(Permission.ManagePrograms)]
public sealed record DeleteConference(Guid ConferenceId) : IRequest<Unit>, IConferenceRequest;

public sealed class DeleteConferenceHandler(ConferenceDbContext db, LiveSessions sessions) : IRequestHandler<DeleteConference, Unit>
{
    public async Task<Unit> Handle(DeleteConference request, CancellationToken cancellationToken)
    {
        db.Conferences.Remove(await db.LoadAsync(request.ConferenceId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndConferenceAsync(request.ConferenceId, "The conference was deleted.");
        return Unit.Value;
    }
}
