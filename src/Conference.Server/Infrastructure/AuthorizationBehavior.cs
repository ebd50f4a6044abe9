using System.Reflection;
using Conference.Server.Identity;
using MediatR;

namespace Conference.Server.Infrastructure;

/// <summary>
/// Checks the caller's access before validation, so that input from someone who may not act
/// is never looked at (and they learn nothing from its validation errors).
/// </summary>
public sealed class AuthorizationBehavior<TRequest, TResponse>(ICallerAccessor callers)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (RequestAccess<TRequest>.Required is { } permission)
        {
            AccessPolicy.Demand(callers.Current, permission, (request as IConferenceRequest)?.ConferenceId);
        }
        else if (!RequestAccess<TRequest>.Anonymous)
        {
            // Fail closed: a request that forgot to declare its permission is a programming error, never open access.
            throw new InvalidOperationException(
                $"{typeof(TRequest).Name} declares neither [Requires(...)] nor [AllowAnonymousRequest].");
        }

        return next();
    }
}

/// <summary>What a request type declares about access, read once per type.</summary>
public static class RequestAccess<TRequest>
{
    public static Permission? Required { get; } = typeof(TRequest).GetCustomAttribute<RequiresAttribute>(inherit: true)?.Permission;

    public static bool Anonymous { get; } = typeof(TRequest).IsDefined(typeof(AllowAnonymousRequestAttribute), inherit: true);
}
