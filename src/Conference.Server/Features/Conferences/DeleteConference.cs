using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Conferences;

public sealed record DeleteConference(Guid Id) : IRequest<Unit>, IAuthorizedRequest
{
    public Permission RequiredPermission => Permission.ManagePrograms;

    public Guid? ConferenceId => Id;
}

public sealed class DeleteConferenceHandler(ConferenceDbContext db, LiveSessions sessions) : IRequestHandler<DeleteConference, Unit>
{
    public async Task<Unit> Handle(DeleteConference request, CancellationToken cancellationToken)
    {
        db.Conferences.Remove(await db.LoadAsync(request.Id, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await sessions.EndConferenceAsync(request.Id, "The conference was deleted.");
        return Unit.Value;
    }
}
