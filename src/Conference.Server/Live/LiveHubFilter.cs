using Conference.Server.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

/// <summary>
/// The hub's one error translation: any failure becomes a <see cref="HubException"/> carrying the
/// same message as the HTTP problem details (<see cref="ProblemDetailsMapping.ToProblem"/>), so a
/// host sees "the current revision is 7" whichever way they sent the command. It also hands the
/// connection's HTTP context to the caller accessor, which the authorization behavior reads.
/// </summary>
public sealed partial class LiveHubFilter(IHttpContextAccessor httpContext, ILogger<LiveHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (httpContext.HttpContext is null && invocationContext.Context.GetHttpContext() is { } connectionContext)
        {
            httpContext.HttpContext = connectionContext;
        }

        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception exception)
        {
            var problem = ProblemDetailsMapping.ToProblem(exception);
            if (problem.Status == StatusCodes.Status500InternalServerError)
            {
                Unhandled(logger, invocationContext.HubMethodName, exception);
            }

            throw new HubException(problem.Detail ?? problem.Title);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in hub method {Method}")]
    private static partial void Unhandled(ILogger logger, string method, Exception exception);
}
