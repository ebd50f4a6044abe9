using Conference.Server.Identity;
using MediatR;

namespace Conference.Server.Infrastructure;

/// <summary>
/// Checks the caller's access before validation, so that input from someone who may not act
/// is never looked at (and they learn nothing from its validation errors).
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICallerAccessor callers)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IAuthorizedRequest authorized)
        {
            AccessPolicy.Demand(callers.Current, authorized.RequiredPermission, authorized.ConferenceId);
        }

        return next();
    }
}
