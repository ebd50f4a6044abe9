using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conference.LiveKit.Tests.Support;

/// <summary>One request as the capture server saw it.</summary>
internal sealed record CapturedRequest(string Method, string Path, string? ContentType, string Authorization, string Body);

/// <summary>A loopback server that records every request and answers <c>{}</c>, so two clients can be compared on what they send.</summary>
internal sealed class CaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<CapturedRequest> _requests = [];

    private CaptureServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<CapturedRequest> TakeRequests()
    {
        lock (_requests)
        {
            CapturedRequest[] taken = [.. _requests];
            _requests.Clear();
            return taken;
        }
    }

    public static async Task<CaptureServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        CaptureServer server = new(app);
        app.Run(server.RecordAsync);
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task RecordAsync(HttpContext context)
    {
        using StreamReader reader = new(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        lock (_requests)
        {
            _requests.Add(new CapturedRequest(context.Request.Method, context.Request.Path, context.Request.ContentType, context.Request.Headers.Authorization.ToString(), body));
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{}", context.RequestAborted);
    }
}
