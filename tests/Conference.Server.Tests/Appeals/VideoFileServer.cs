using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conference.Server.Tests.Appeals;

/// <summary>
/// A real HTTP server on loopback that "add by URL" fetches from: a real ffmpeg-made video, a page, random
/// bytes, a missing file and a redirect, each over a real socket (the fetcher's connection code is under test).
/// </summary>
public sealed class VideoFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private VideoFileServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    public static async Task<VideoFileServer> StartAsync()
    {
        var video = await TestVideos.ThreeSecondsAsync();
        var corrupt = await TestVideos.CorruptAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/video.mp4", () => Results.File(video, "video/mp4"));
        app.MapGet("/video", () => Results.File(video, "application/octet-stream"));
        app.MapGet("/moved", () => Results.Redirect("/video.mp4"));
        app.MapGet("/page.html", () => Results.Content("<html><body>Our congratulations!</body></html>", "text/html"));
        app.MapGet("/noise.mp4", () => Results.File(corrupt, "video/mp4"));
        app.MapGet("/missing.mp4", () => Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new VideoFileServer(app, new Uri(address));
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
