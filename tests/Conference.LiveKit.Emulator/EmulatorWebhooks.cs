using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Conference.LiveKit.Emulator;

/// <summary>A webhook the emulator posted, with the receiver's answer (null when the post failed).</summary>
/// <param name="Event">The event name.</param>
/// <param name="Body">The exact body posted.</param>
/// <param name="Authorization">The bare JWT sent in <c>Authorization</c>.</param>
/// <param name="Status">The receiver's HTTP status, or null if it could not be reached.</param>
public sealed record DeliveredWebhook(string Event, string Body, string Authorization, HttpStatusCode? Status);

/// <summary>
/// Posts LiveKit-style webhooks for state changes (room_started, room_finished, participant_joined,
/// participant_left, track_published, egress_started, egress_updated) one at a time, in the order they
/// happened. Real LiveKit gives no ordering guarantee; tests that need to tolerate reordering must
/// reorder themselves.
/// </summary>
public sealed class EmulatorWebhooks : IAsyncDisposable
{
    private readonly Channel<(string Event, JsonObject Payload, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(string, JsonObject, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly List<DeliveredWebhook> _delivered = [];
    private readonly WebhookSigner _signer;
    private readonly TimeProvider _time;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Task _loop;
    private Task _lastQueued = Task.CompletedTask;
    private int _lastId;
    private Uri? _target;

    internal EmulatorWebhooks(string apiKey, string apiSecret, TimeProvider time)
    {
        _signer = new WebhookSigner(apiKey, apiSecret, time);
        _time = time;
        _loop = Task.Run(DeliverAsync);
    }

    /// <summary>Where webhooks are posted; null (the default) sends none. Only loopback addresses are allowed.</summary>
    public Uri? Target
    {
        get => _target;
        set
        {
            if (value is not null && !value.IsLoopback)
            {
                throw new ArgumentException("The emulator only posts webhooks to loopback addresses.", nameof(value));
            }

            _target = value;
        }
    }

    /// <summary>The webhooks posted so far, in order.</summary>
    public IReadOnlyList<DeliveredWebhook> Delivered
    {
        get
        {
            lock (_delivered)
            {
                return [.. _delivered];
            }
        }
    }

    /// <summary>Completes when every webhook raised so far has been posted (or failed to post).</summary>
    /// <returns>A task to await.</returns>
    public Task FlushAsync() => Volatile.Read(ref _lastQueued);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _http.Dispose();
    }

    internal void Raise(string eventName, JsonObject payload)
    {
        if (_target is null)
        {
            return;
        }

        TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _lastQueued, done.Task);
        _queue.Writer.TryWrite((eventName, payload, done));
    }

    private async Task DeliverAsync()
    {
        await foreach ((string eventName, JsonObject payload, TaskCompletionSource done) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await PostAsync(eventName, payload);
            }
            finally
            {
                done.TrySetResult();
            }
        }
    }

    private async Task PostAsync(string eventName, JsonObject payload)
    {
        payload["event"] = eventName;
        payload["id"] = $"EV_{Interlocked.Increment(ref _lastId):D6}";
        payload["created_at"] = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string body = EmulatorJson.ToWebhookJson(payload).ToJsonString();
        string authorization = _signer.Sign(body);
        HttpStatusCode? status = null;
        if (_target is { } target)
        {
            using HttpRequestMessage request = new(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(WebhookReceiver.ContentType);
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            try
            {
                using HttpResponseMessage response = await _http.SendAsync(request);
                status = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // An unreachable receiver is recorded with a null status; tests decide whether that matters.
            }
            catch (TaskCanceledException)
            {
                // Same for a receiver that does not answer within the timeout.
            }
        }

        lock (_delivered)
        {
            _delivered.Add(new DeliveredWebhook(eventName, body, authorization, status));
        }
    }
}
