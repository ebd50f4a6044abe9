using MediatR;

namespace Conference.Server.Features.Conferences;

public static class ConferenceSetup
{
    /// <summary>Called after <c>AddMediation</c>: behaviors run in registration order, and this one must be innermost.</summary>
    public static IServiceCollection AddConferenceFeature(this IServiceCollection services) =>
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ProgramChangeBehavior<,>));
}
