using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

/// <summary>
/// The hub's one error translation: any failure becomes a <see cref="HubException"/> carrying the
/// same message as the HTTP problem details (<see cref="ProblemDetailsMapping.ToProblem"/>), so a
/// host sees "the current revision is 7" whichever way they sent the command. It also hands the
/// connection's HTTP context to the caller accessor, which the authorization behavior reads, after
/// confirming a participant's session again: a connection outlives the request that opened it, and a
/// revoked link or a removed role must stop working on it at once, as on HTTP.
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
            await ConfirmSessionAsync(invocationContext);
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            Refused(logger, invocationContext.HubMethodName, StatusCodes.Status401Unauthorized, invocationContext.Context.ConnectionId, refused.Message);
            throw;
        }
        catch (Exception exception)
        {
            var problem = ProblemDetailsMapping.ToProblem(exception);
            var status = problem.Status ?? StatusCodes.Status500InternalServerError;
            if (status >= StatusCodes.Status500InternalServerError)
            {
                Unhandled(logger, invocationContext.HubMethodName, exception);
            }
            else
            {
                // A refused or conflicting call is the caller's, not the server's: one line, no stack trace, so
                // thousands of attendees pressing buttons cannot fill the error log.
                Refused(logger, invocationContext.HubMethodName, status, invocationContext.Context.ConnectionId, problem.Detail ?? problem.Title);
            }

            throw new HubException(problem.Detail ?? problem.Title);
        }
    }

    /// <summary>Clock samples carry no authority and come often; every other call re-checks the session.</summary>
    private static async Task ConfirmSessionAsync(HubInvocationContext invocation)
    {
        var connection = invocation.Context.GetHttpContext();
        if (invocation.HubMethodName == nameof(ConferenceHub.SyncClock) || connection is null || !SessionValidity.IsSession(connection.User))
        {
            return;
        }

        var services = invocation.ServiceProvider;
        var (principal, refusal) = await SessionValidity.ConfirmAsync(
            connection.User, services.GetRequiredService<ConferenceDbContext>(), services.GetRequiredService<TimeProvider>().GetUtcNow(),
            invocation.Context.ConnectionAborted);
        if (principal is null)
        {
            // Out of every group of the conference, so nothing more reaches it; the refusal tells the client why.
            // (Aborting the connection instead would cancel this call before its error could be read.)
            if (Guid.TryParse(connection.User.FindFirst(SessionClaims.Conference)?.Value, out var conferenceId))
            {
                var groups = RoleNames.All.Select(role => LiveGroups.Role(conferenceId, RoleNames.Name(role)))
                    .Append(LiveGroups.Conference(conferenceId));
                foreach (var group in groups)
                {
                    await invocation.Hub.Groups.RemoveFromGroupAsync(invocation.Context.ConnectionId, group);
                }
            }

            throw new HubException(refusal);
        }

        connection.User = principal;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub call {Method} refused ({Status}) on connection {ConnectionId}: {Reason}")]
    private static partial void Refused(ILogger logger, string method, int status, string connectionId, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in hub method {Method}")]
    private static partial void Unhandled(ILogger logger, string method, Exception exception);
}
