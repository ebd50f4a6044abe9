using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conference.LiveKit.Tests;

public sealed class AddLiveKitTests
{
    [Test]
    public void AddLiveKit_FromConfiguration_BindsTheLiveKitSection()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveKit:Url"] = "wss://media.example.com",
            ["LiveKit:ApiKey"] = "APIkey",
            ["LiveKit:ApiSecret"] = "secret",
            ["LiveKit:AttemptTimeout"] = "00:00:03",
            ["LiveKit:MaxRetryAttempts"] = "5",
        }).Build();
        using ServiceProvider services = new ServiceCollection().AddLiveKit(configuration).BuildServiceProvider();

        LiveKitOptions options = services.GetRequiredService<IOptions<LiveKitOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Url, Is.EqualTo("wss://media.example.com"));
            Assert.That(options.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(options.MaxRetryAttempts, Is.EqualTo(5));
            Assert.That(services.GetService<RoomServiceClient>(), Is.Not.Null);
            Assert.That(services.GetService<IngressClient>(), Is.Not.Null);
            Assert.That(services.GetService<EgressClient>(), Is.Not.Null);
            Assert.That(services.GetService<TokenVerifier>(), Is.Not.Null);
            Assert.That(services.GetService<WebhookReceiver>(), Is.Not.Null);
        });
    }

    [Test]
    public void AddLiveKit_WhenSecretIsMissing_FailsValidation()
    {
        using ServiceProvider services = new ServiceCollection().AddLiveKit(o => o.Url = "http://127.0.0.1:7880").BuildServiceProvider();

        Assert.That(() => services.GetRequiredService<IOptions<LiveKitOptions>>().Value, Throws.TypeOf<OptionsValidationException>());
    }
}
