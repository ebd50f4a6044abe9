using System.Text.Json;
using System.Text.Json.Serialization;
using Conference.Server.Features;
using Conference.Server.Features.Demo;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Media;
using Conference.Server.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

namespace Conference.Server.Infrastructure;

/// <summary>Composition of the host: what is registered, and the middleware order.</summary>
public static class ServerSetup
{
    public static WebApplicationBuilder AddConferenceServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        // SignalR's dispatcher logs every failed hub call as an error with its stack trace, a refused one too, so any
        // attendee could fill the error log. LiveHubFilter sees every failure first: it logs refusals as one warning
        // line and real faults as errors, so the dispatcher's copy is left out.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
        services.AddSingleton(TimeProvider.System);
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsMapping>();
        services.AddOpenApi();
        services.AddMediation(typeof(ServerSetup).Assembly);
        services.AddConferenceFeatures(builder.Configuration);

        builder.AddConferenceDatabase();
        builder.AddConferenceIdentity();
        services.AddConferenceLive();
        builder.AddConferenceMedia();
        return builder;
    }

    /// <summary>
    /// The live channel's dialect (camelCase names, enums as camelCase strings), and a field the server does not know
    /// is an error rather than silently dropped.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        LiveWire.ConfigureJson(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    public static async Task PrepareAsync(this WebApplication app)
    {
        var created = await app.Services.MigrateDatabaseAsync();
        await app.Services.SeedDemoConferenceAsync(created);
    }

    public static WebApplication UseConferenceServer(this WebApplication app)
    {
        var liveKitUrl = string.Equals(app.Configuration["Media:Provider"], "LiveKit", StringComparison.OrdinalIgnoreCase)
            ? app.Configuration["LiveKit:Url"]
            : null;
        app.UseMiddleware<SecurityHeaders>(SecurityHeaders.AppPolicy(SecurityHeaders.MediaOrigins(liveKitUrl)), SecurityHeaders.ReferencePolicy());
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS responses: a browser that reached the service over TLS keeps to it.
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebAppFiles();
        app.UseMiddleware<RequestBodyLimit>(app.Configuration.GetValue("Api:MaxRequestBodyBytes", RequestBodyLimit.DefaultMaxBytes));
        app.UseMiddleware<RequestCharset>();
        app.UseConferenceIdentity();

        app.MapOpenApi();
        // Scalar fetches its fonts from its own site by default, which the page's policy refuses: system fonts instead.
        app.MapScalarApiReference(SecurityHeaders.ReferencePath, o => o.DefaultFonts = false);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapConferenceApi();
        app.MapConferenceLive();
        app.MapWebApp();
        app.MapGet("/", () => TypedResults.Redirect("/api/reference")).ExcludeFromDescription();
        return app;
    }
}
