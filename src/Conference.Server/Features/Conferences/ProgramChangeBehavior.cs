using Conference.Server.Live;
using MediatR;

namespace Conference.Server.Features.Conferences;

/// <summary>A request that changes a conference's program and answers with the program as saved.</summary>
public interface IEditsProgram;

/// <summary>
/// After a saved program edit, the live side must hear of it: a new duration moves the running
/// segment's deadline, a new speaker changes who has the floor, and clients must show the new plan.
/// Done here once, for every edit, rather than in each handler. Registered by <see cref="ConferenceSetup"/> after the
/// shared behaviors, so it is innermost and sees only edits that were validated and saved.
/// </summary>
public sealed class ProgramChangeBehavior<TRequest, TResponse>(ProgramChangeNotifier notifier)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is IEditsProgram && response is ConferenceDto program)
        {
            await notifier.ProgramChangedAsync(program.Id, program.Revision);
        }

        return response;
    }
}
