using System.Net;
using System.Text;

namespace Conference.LiveKit.Tests.Support;

/// <summary>A fake transport that answers from a script and records what it was asked, for retry and parsing tests.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _script = new();
    private readonly List<(string Path, bool Idempotent)> _seen = [];
    private readonly List<HttpRequestMessage> _requests = [];

    /// <summary>Used when the script runs out, so "always fails" needs one line.</summary>
    public Func<HttpResponseMessage>? Fallback { get; set; }

    public IReadOnlyList<(string Path, bool Idempotent)> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public int CallCount => Seen.Count;

    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get
        {
            lock (_seen)
            {
                return [.. _requests];
            }
        }
    }

    public ScriptedHandler Respond(HttpStatusCode status, string body = "{}", string contentType = "application/json")
    {
        _script.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });
        return this;
    }

    public ScriptedHandler Throw(Exception exception)
    {
        _script.Enqueue(() => throw exception);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            _seen.Add((request.RequestUri!.AbsolutePath, LiveKitRequestPolicy.IsMarkedIdempotent(request)));
            _requests.Add(request);
        }

        Func<HttpResponseMessage> next = _script.Count > 0 ? _script.Dequeue()
            : Fallback ?? throw new InvalidOperationException($"no scripted response left for {request.RequestUri}");
        return Task.FromResult(next());
    }
}
