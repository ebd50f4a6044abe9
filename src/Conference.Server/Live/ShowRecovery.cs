namespace Conference.Server.Live;

/// <summary>
/// At start-up, before requests are served: replays every show still on air, closes the
/// auto-advance segments whose deadline passed while the server was down (at their deadline), and re-arms timers.
/// </summary>
public sealed class ShowRecovery(ShowCoordinator coordinator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => coordinator.RecoverAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
