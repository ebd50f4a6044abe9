using System.Net;
using System.Text.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conference.LiveKit.Emulator;

/// <summary>
/// A LiveKit-protocol emulator on 127.0.0.1 for tests: RoomService, Ingress and Egress over Twirp JSON
/// with in-memory state, LiveKit's auth rules, a call log and fault injection. Passing tests against it
/// show emulator conformance, not LiveKit compatibility.
/// </summary>
public sealed partial class LiveKitEmulator : IAsyncDisposable
{
    /// <summary>The status logged for an attempt the client abandoned before the emulator answered (nginx's 499).</summary>
    public const HttpStatusCode ClientClosedRequest = (HttpStatusCode)499;

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly EmulatorAuthorizer _authorizer;
    private readonly List<RecordedCall> _calls = [];

    private LiveKitEmulator(WebApplication app, EmulatorState state, EmulatorAuthorizer authorizer, string apiKey, string apiSecret)
    {
        _app = app;
        _state = state;
        _authorizer = authorizer;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        Webhooks = new EmulatorWebhooks(apiKey, apiSecret, state.Time);
        state.Raise = Webhooks.Raise;
    }

    /// <summary>The base URL to give the client, e.g. <c>http://127.0.0.1:53117</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The API key the emulator accepts.</summary>
    public string ApiKey { get; }

    /// <summary>The API secret the emulator accepts.</summary>
    public string ApiSecret { get; }

    /// <summary>Webhook delivery; set <see cref="EmulatorWebhooks.Target"/> to receive them.</summary>
    public EmulatorWebhooks Webhooks { get; }

    /// <summary>Faults applied to the next calls.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>Every call received so far (including rejected and failed ones), in arrival order.</summary>
    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Starts an emulator on a free loopback port.</summary>
    /// <param name="apiKey">The API key to accept.</param>
    /// <param name="apiSecret">The API secret to accept.</param>
    /// <param name="timeProvider">The clock for token checks and timestamps; the system clock if null.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<LiveKitEmulator> StartAsync(string apiKey = "emulator-key", string apiSecret = "emulator-secret-that-is-long-enough", TimeProvider? timeProvider = null)
    {
        TimeProvider time = timeProvider ?? TimeProvider.System;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();

        EmulatorState state = new(time);
        LiveKitEmulator emulator = new(app, state, new EmulatorAuthorizer(new TokenVerifier(apiKey, apiSecret, time)), apiKey, apiSecret);
        app.MapPost("/twirp/livekit.{service}/{method}", emulator.HandleAsync);
        app.MapFallback(static () => Results.Json(new { code = TwirpErrorCodes.BadRoute, msg = "unknown route" }, statusCode: 404));

        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.Url = new Uri(address);
        return emulator;
    }

    /// <summary>Forgets all recorded calls.</summary>
    public void ClearCalls()
    {
        lock (_calls)
        {
            _calls.Clear();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Webhooks.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string service, string method)
    {
        using StreamReader reader = new(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        DateTimeOffset receivedAt = _state.Time.GetUtcNow();
        (TimeSpan delay, HttpStatusCode? failure, bool unauthorized) = Faults.Next();
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its attempt timeout); log the abandoned attempt so tests can see it happened.
                Record(new RecordedCall(service, method, body, receivedAt, ClientClosedRequest));
                return;
            }
        }

        TwirpResult result = unauthorized ? TwirpResult.PlainUnauthorized("invalid token: forced by the emulator")
            : failure is { } status ? TwirpResult.Error(TwirpErrorCodes.FromHttpStatus(status), "injected by the emulator")
            : Dispatch(service, method, body, context.Request.Headers.Authorization.ToString());

        Record(new RecordedCall(service, method, body, receivedAt, result.Status));
        context.Response.StatusCode = (int)result.Status;
        context.Response.ContentType = result.ContentType;
        await context.Response.WriteAsync(result.Body, context.RequestAborted);
    }

    private void Record(RecordedCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    private TwirpResult Dispatch(string service, string method, string body, string authorization)
    {
        EmulatorRequest request;
        try
        {
            request = EmulatorRequest.Parse(body);
        }
        catch (JsonException ex)
        {
            return TwirpResult.Error(TwirpErrorCodes.Malformed, $"the request body is not JSON: {ex.Message}");
        }

        if (_authorizer.Check(service, method, authorization, request) is { } denied)
        {
            return denied;
        }

        try
        {
            lock (_state.Gate)
            {
                return service switch
                {
                    "RoomService" => RoomServiceHandlers.Handle(method, request, _state),
                    "Ingress" => IngressEgressHandlers.HandleIngress(method, request, _state),
                    "Egress" => IngressEgressHandlers.HandleEgress(method, request, _state),
                    _ => TwirpResult.Error(TwirpErrorCodes.BadRoute, $"unknown service {service}"),
                };
            }
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
        {
            // A field of the wrong JSON type: the server's protobuf-JSON decoder rejects it as malformed too.
            return TwirpResult.Error(TwirpErrorCodes.Malformed, $"the request body does not decode: {ex.Message}");
        }
    }
}
