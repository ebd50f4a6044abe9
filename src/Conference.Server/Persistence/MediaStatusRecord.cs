
namespace Conference.Server.Persistence;

/// <summary>
/// One change of a conference's media status, as hosts were told of it. Appended by
/// <see cref="DurableMediaStatusSink"/>, never edited: the report reads when the call was degraded.
/// </summary>
public sealed class MediaStatusRecord
{
    public const int ErrorMaxLength = 1000;

    public Guid Id { get; set; }
    public Guid ConferenceId { get; set; }
    public MediaSyncState State { get; set; }
    public string Provider { get; set; } = string.Empty;
    public string? Error { get; set; }
    public DateTimeOffset At { get; set; }

    public static MediaStatusRecord From(MediaStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new MediaStatusRecord
        {
            Id = Guid.NewGuid(),
            ConferenceId = status.ConferenceId,
            State = status.State,
            Provider = status.Provider,
            Error = status.Error is { Length: > ErrorMaxLength } text ? text[..ErrorMaxLength] : status.Error,
            At = status.At,
        };
    }
}
