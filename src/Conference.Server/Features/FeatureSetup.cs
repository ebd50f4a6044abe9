using Conference.Server.Features.Attendance;
using Conference.Server.Features.Awards;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Demo;
using Conference.Server.Features.Invitations;
using Conference.Server.Features.Show;

namespace Conference.Server.Features;

/// <summary>
/// The services of every feature, each registered by its own folder: what a use case needs is found beside it,
/// not in the setup of identity or the live channel. Handlers and validators are found by <c>AddMediation</c>, which
/// must run first (a feature's pipeline behavior runs inside the shared ones).
/// </summary>
public static class FeatureSetup
{
    public static IServiceCollection AddConferenceFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAttendanceFeature();
        services.AddAwardFeature();
        services.AddConferenceFeature();
        services.AddDemoFeature(configuration);
        services.AddInvitationFeature();
        services.AddShowFeature();
        return services;
    }
}
