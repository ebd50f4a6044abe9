using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Conference.Server.Features.Conferences;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Conference.Server.Tests.Hosting;

/// <summary>
/// The documented telemetry can be seen: metrics at /metrics, a span per mediator request under the HTTP span, database spans
/// in the same trace, trace ids in logs.
/// </summary>
[NonParallelizable]
public class TelemetryTests
{
    [Test]
    public async Task ShowCommand_IsCountedByOutcome_AndTimedOnFanOut_OnThePrometheusEndpoint()
    {
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database);
        using var organizer = host.CreateOrganizerClient();
        var conference = await CreateShowAsync(organizer);

        (await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/show/start", new { expectedRevision = 0 })).EnsureSuccessStatusCode();
        var stale = await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/show/next", new { expectedRevision = 0 });
        Assert.That((int)stale.StatusCode, Is.EqualTo(409));

        // The exporter caches a scrape for a moment: poll until it shows both commands.
        var metrics = await Eventually.Value(
            () => host.CreateClient().GetStringAsync("/metrics"),
            text => text.Contains("outcome=\"conflict\"", StringComparison.Ordinal));
        Assert.That(metrics, Does.Contain("conference_show_commands_total{").And.Contain("command=\"StartShow\"").And.Contain("outcome=\"committed\""));
        Assert.That(metrics, Does.Contain("command=\"NextSegment\"").And.Contain("outcome=\"conflict\""));
        Assert.That(metrics, Does.Contain("conference_show_fanout_duration"));
        Assert.That(metrics, Does.Contain("http_server_request_duration_seconds"), "ASP.NET Core's own metrics are exported too");
    }

    [Test]
    public async Task MediatorRequest_HasItsOwnSpan_InsideTheHttpRequestsTrace_AndLogLinesCarryTheTraceId()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Conference.Server" or "Microsoft.AspNetCore" or "OpenTelemetry.Instrumentation.EntityFrameworkCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new ScopeCapture();
        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var apiHost = new ApiHost(database);
        await using var host = apiHost.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).AddFilter<ScopeCapture>(null, LogLevel.Debug)));
        using var organizer = host.CreateClient();
        organizer.DefaultRequestHeaders.Authorization = new("Bearer", ApiHost.OrganizerKey);

        var conference = await CreateShowAsync(organizer);

        var mediator = await Eventually.Value(
            () => Task.FromResult(spans.FirstOrDefault(s => s.OperationName == "CreateConference")),
            span => span is not null);
        var request = spans.FirstOrDefault(s => s.Source.Name == "Microsoft.AspNetCore" && s.TraceId == mediator!.TraceId);
        Assert.That(request, Is.Not.Null, "the mediator's span belongs to the HTTP request's trace");
        Assert.That(mediator!.ParentSpanId, Is.EqualTo(request!.SpanId));
        var commands = spans.Where(s => s.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore" && s.TraceId == mediator.TraceId).ToList();
        Assert.That(commands, Is.Not.Empty, "the SQLite commands the request ran are spans of its trace");
        Assert.That(commands.Select(s => s.GetTagItem("db.system.name") ?? s.GetTagItem("db.system")), Has.Some.EqualTo("sqlite"));

        var handled = logs.Lines.Where(l => l.Message.Contains("handled in", StringComparison.Ordinal)).ToList();
        Assert.That(handled, Is.Not.Empty);
        Assert.That(handled.Select(l => l.TraceId), Has.Some.EqualTo(mediator.TraceId.ToString()), "the mediator's log line names its trace");
        Assert.That(conference.Id, Is.Not.EqualTo(Guid.Empty));
    }

    private static async Task<ConferenceDto> CreateShowAsync(HttpClient organizer)
    {
        var created = await organizer.PostAsJsonAsync("/api/conferences", new
        {
            title = "Telemetry", scheduledStart = "2026-12-31T11:00:00Z", timeZone = "Asia/Baku", languages = new[] { "az" },
        });
        var conference = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ConferenceDto>(ApiTestBase.Json))!;
        var added = await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments",
            new { expectedRevision = conference.Revision, kind = "custom", title = "Opening", durationSeconds = 600 });
        return (await added.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ConferenceDto>(ApiTestBase.Json))!;
    }

    /// <summary>Keeps each log line with the TraceId of its scopes, as the console prints them.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<(string Message, string? TraceId)> _lines = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IEnumerable<(string Message, string? TraceId)> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                string? traceId = null;
                owner._scopes.ForEachScope(
                    (scope, _) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.FirstOrDefault(p => p.Key == "TraceId").Value is { } id)
                        {
                            traceId = id.ToString();
                        }
                    },
                    (object?)null);
                owner._lines.Enqueue((formatter(state, exception), traceId));
            }
        }
    }
}
