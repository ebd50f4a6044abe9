namespace Conference.Server.Media;

/// <summary>Records a conference's media status and tells hosts when it changes (from the director and from webhooks).</summary>
public sealed class MediaStatusReporter(MediaStatusBoard board, IEnumerable<IMediaStatusSink> sinks)
{
    public async Task ReportAsync(MediaStatus status, bool live, CancellationToken cancellationToken)
    {
        if (!board.Set(status, live))
        {
            return;
        }

        foreach (var sink in sinks)
        {
            await sink.PublishAsync(status, cancellationToken);
        }
    }
}
