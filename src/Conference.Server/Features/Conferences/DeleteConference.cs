using Conference.Server.Features.Appeals;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;

namespace Conference.Server.Features.Conferences;

[Requires(Permission.ManagePrograms)]
public sealed record DeleteConference(Guid ConferenceId) : IRequest<Unit>, IConferenceRequest;

public sealed partial class DeleteConferenceHandler(
    ConferenceDbContext db, LiveSessions sessions, IAppealStorage appealFiles, ILogger<DeleteConferenceHandler> logger)
    : IRequestHandler<DeleteConference, Unit>
{
    public async Task<Unit> Handle(DeleteConference request, CancellationToken cancellationToken)
    {
        db.Conferences.Remove(await db.LoadAsync(request.ConferenceId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);

        // Only once the rows are gone (a failed save keeps every appeal with its video). A file that cannot be
        // deleted now must not turn a done deletion into an error; it is logged for the operator.
        try
        {
            appealFiles.DeleteConference(request.ConferenceId);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            FilesLeft(logger, request.ConferenceId, exception);
        }

        await sessions.EndConferenceAsync(request.ConferenceId, "The conference was deleted.");
        return Unit.Value;
    }
}

public sealed partial class DeleteConferenceHandler
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Conference {ConferenceId} was deleted, but its appeal files could not all be removed")]
    private static partial void FilesLeft(ILogger logger, Guid conferenceId, Exception exception);
}
