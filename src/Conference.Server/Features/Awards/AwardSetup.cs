using Conference.Server.Live;

namespace Conference.Server.Features.Awards;

public static class AwardSetup
{
    /// <summary>The award call-up hears every committed show change, to announce the recipient a new cue calls.</summary>
    public static IServiceCollection AddAwardFeature(this IServiceCollection services) =>
        services.AddSingleton<IShowCommitObserver, AwardCallUp>();
}
