using Conference.Server.Media;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

/// <summary>Pushes media status changes to the hosts of the conference, who decide what to do about them.</summary>
public sealed class HostMediaStatusSink(IHubContext<ConferenceHub, IConferenceClient> hub) : IMediaStatusSink
{
    public Task PublishAsync(MediaStatus status, CancellationToken cancellationToken) =>
        hub.Clients.Group(LiveGroups.Role(status.ConferenceId, LiveGroups.HostRole)).MediaStatusChanged(status);
}
