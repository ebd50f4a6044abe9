using System.Diagnostics;
using Conference.Domain;
using MediatR;

namespace Conference.Server.Infrastructure;

/// <summary>One span per request through the mediator, named by the request, under the HTTP request's or hub call's span.</summary>
public sealed class TracingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        using var activity = ServerTelemetry.Source.StartActivity(typeof(TRequest).Name);
        if (activity is not null && request is Identity.IConferenceRequest bound)
        {
            activity.SetTag("conference.id", bound.ConferenceId);
        }

        try
        {
            return await next();
        }
        catch (Exception exception) when (activity is not null)
        {
            // Refusals (validation, access, conflicts) are outcomes, not faults; they are marked, not recorded as errors.
            activity.SetTag("conference.outcome", exception.GetType().Name);
            if (exception is not (DomainException or NotFoundException or Identity.AccessDeniedException or FluentValidation.ValidationException))
            {
                activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            }

            throw;
        }
    }
}
