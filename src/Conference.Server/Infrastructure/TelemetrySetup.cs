using System.Diagnostics;
using Conference.Server.Cluster;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Conference.Server.Infrastructure;

/// <summary>
/// OpenTelemetry: traces of HTTP requests, hub calls, the mediator pipeline, outgoing HTTP (the LiveKit client) and
/// the database (SQLite through EF Core, PostgreSQL through Npgsql); metrics of the service, ASP.NET Core, SignalR's
/// connections and Npgsql. A Prometheus scrape endpoint is on by default; an OTLP exporter is added when an endpoint is
/// configured. Log lines carry the trace and span id.
/// </summary>
public static class TelemetrySetup
{
    public const string Section = "Telemetry";

    public static WebApplicationBuilder AddConferenceTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var otlp = section["OtlpEndpoint"];
        var node = (builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new ClusterOptions()).ResolvedNodeId;

        // A log line written inside a request or hub call names its trace: the console prints it with the scopes.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("conference-server", serviceInstanceId: node))
            .WithTracing(tracing => tracing
                .AddSource(ServerTelemetry.Name, "Microsoft.AspNetCore.SignalR.Server", "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                // SQLite's commands through EF Core; PostgreSQL's come from Npgsql's own source above (cluster locks and
                // notifications included), so EF Core's copy of them is left out rather than traced twice.
                .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (provider, _) =>
                    !string.Equals(provider, "Npgsql.EntityFrameworkCore.PostgreSQL", StringComparison.Ordinal)))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(ServerTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                        "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.SignalR.Server", "Npgsql")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(section["PrometheusPath"] ?? "/metrics"))
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (!string.IsNullOrWhiteSpace(otlp))
        {
            if (!Uri.TryCreate(otlp, UriKind.Absolute, out var endpoint))
            {
                throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{otlp}' is not an absolute URL (e.g. http://collector:4317).");
            }

            var protocol = string.Equals(section["OtlpProtocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, endpoint);
        }

        return builder;
    }

    /// <summary>The Prometheus scrape endpoint (Telemetry:PrometheusPath, /metrics by default; empty turns it off).</summary>
    public static WebApplication MapConferenceTelemetry(this WebApplication app)
    {
        var path = app.Configuration[$"{Section}:PrometheusPath"] ?? "/metrics";
        if (!string.IsNullOrWhiteSpace(path))
        {
            app.MapPrometheusScrapingEndpoint(path);
        }

        return app;
    }

    /// <summary>The current trace id, for a problem detail or a test; empty outside a trace.</summary>
    public static string CurrentTraceId => Activity.Current?.TraceId.ToString() ?? "";
}
