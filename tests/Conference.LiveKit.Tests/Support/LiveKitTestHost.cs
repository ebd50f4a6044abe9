using Microsoft.Extensions.DependencyInjection;

namespace Conference.LiveKit.Tests.Support;

/// <summary>Builds the library through its real DI registration, optionally over a scripted transport.</summary>
internal sealed class LiveKitTestHost : IDisposable
{
    public const string ApiKey = "APItestKey";
    public const string ApiSecret = "test-secret-with-enough-length-0123456789";

    private readonly ServiceProvider _services;

    public LiveKitTestHost(Uri url, HttpMessageHandler? transport = null, Action<LiveKitOptions>? configure = null, string apiKey = ApiKey, string apiSecret = ApiSecret)
    {
        ServiceCollection services = new();
        services.AddLiveKit(options =>
        {
            options.Url = url.ToString();
            options.ApiKey = apiKey;
            options.ApiSecret = apiSecret;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.AttemptTimeout = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });
        if (transport is not null)
        {
            services.AddHttpClient(LiveKitServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => transport);
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public RoomServiceClient Rooms => _services.GetRequiredService<RoomServiceClient>();

    public IngressClient Ingress => _services.GetRequiredService<IngressClient>();

    public EgressClient Egress => _services.GetRequiredService<EgressClient>();

    public void Dispose() => _services.Dispose();
}
