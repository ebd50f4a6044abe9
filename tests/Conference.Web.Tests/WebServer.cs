using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Conference.Web.Tests;

/// <summary>
/// The built server as a child process on a fixed loopback port with its own SQLite file and web
/// root (the built web app plus the test's media files), so a test can stop it and start it again
/// at the same address while the browser pages stay open.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    public const string OrganizerKey = "web-test-organizer-key-0123456789";
    public const string SigningKey = "web-test-session-signing-key-0123456789-abcdefghijklmnop";
    // Generous: three engineers build on two cores, and a cold start of the server under that load took over a minute.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"conference-web-{Guid.NewGuid():N}");
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Queue<string> _output = new();
    private Process? _process;

    public WebServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        Organizer = new HttpClient { BaseAddress = BaseAddress };
        Organizer.DefaultRequestHeaders.Authorization = new("Bearer", OrganizerKey);
        Directory.CreateDirectory(WebRoot);
        CopyDirectory(BuiltApp, Path.Combine(WebRoot, "app"));
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public Uri BaseAddress { get; }

    public HttpClient Organizer { get; }

    /// <summary>Files here are served at the site's root: tests put their media under /media.</summary>
    public string WebRoot => Path.Combine(_directory, "wwwroot");

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Conference.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Conference.sln not found above the test output.");
        }
    }

    private static string BuiltApp
    {
        get
        {
            var app = Path.Combine(RepositoryRoot, "src", "Conference.Server", "wwwroot", "app");
            if (!File.Exists(Path.Combine(app, "live.html")))
            {
                Assert.Fail($"The web app is not built at {app}: build the server (dotnet build Conference.sln runs npm).");
            }

            return app;
        }
    }

    public string RecentOutput { get { lock (_output) { return string.Join(Environment.NewLine, _output); } } }

    public async Task StartAsync()
    {
        var server = ServerAssembly();
        var info = new ProcessStartInfo("dotnet", [server])
        {
            WorkingDirectory = Path.GetDirectoryName(server)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_WEBROOT"] = WebRoot;
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["ConnectionStrings__Conference"] = $"Data Source={Path.Combine(_directory, "conference.db")}";
        info.Environment["Auth__OrganizerKey"] = OrganizerKey;
        info.Environment["Auth__SessionSigningKey"] = SigningKey;
        info.Environment["Auth__PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/');
        info.Environment["Demo__SeedOnFirstRun"] = "false";
        info.Environment["RateLimits__Join__PermitLimit"] = "100000";
        info.Environment["RateLimits__Registration__PermitLimit"] = "100000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in _settings)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            Assert.That(_process.HasExited, Is.False, $"The server exited:\n{RecentOutput}");
            try
            {
                using var response = await Organizer.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The server did not become ready within {StartTimeout.TotalSeconds} s:\n{RecentOutput}");
    }

    public void Stop()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        _process?.Dispose();
        _process = null;
    }

    /// <summary>A conference with the given segments (anonymous objects in the API's shape).</summary>
    public async Task<JsonObject> CreateConferenceAsync(string title, object[] segments, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(new
        {
            title, slogan = "Together, on time", scheduledStart = DateTimeOffset.UtcNow.AddMinutes(5), timeZone = "Asia/Baku", languages = new[] { "az", "en" },
        }, Json)!.AsObject();
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra, Json)!.AsObject())
            {
                body[key] = value?.DeepClone();
            }
        }

        var conference = await SendAsync(HttpMethod.Post, "/api/conferences", body);
        foreach (var segment in segments)
        {
            var added = JsonSerializer.SerializeToNode(segment, Json)!.AsObject();
            added["expectedRevision"] = conference["revision"]!.GetValue<int>();
            conference = await SendAsync(HttpMethod.Post, $"/api/conferences/{conference["id"]}/segments", added);
        }

        return conference;
    }

    /// <summary>A person with a join link; returns the link's code.</summary>
    public async Task<string> InviteAsync(string conferenceId, string name, string role, DateTimeOffset? expiresAt = null)
    {
        var person = await SendAsync(HttpMethod.Post, $"/api/conferences/{conferenceId}/participants",
            new { displayName = name, country = "AZ", language = "en", roles = new[] { role } });
        var link = await SendAsync(HttpMethod.Post, $"/api/conferences/{conferenceId}/participants/{person["id"]}/invitations",
            expiresAt is null ? new { } : new { expiresAt });
        return link["code"]!.GetValue<string>();
    }

    /// <summary>
    /// Moves an invitation's expiry into the past in the server's own database: a link cannot be made already
    /// expired through the API, and one made to expire a second later raced the request on a loaded machine.
    /// </summary>
    public async Task ExpireInvitationAsync(Guid invitationId)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Conference.Server.Persistence.SqliteConferenceDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_directory, "conference.db")}").Options;
        await using var db = new Conference.Server.Persistence.SqliteConferenceDbContext(options);
        var changed = await db.Invitations.Where(i => i.Id == invitationId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.That(changed, Is.EqualTo(1), $"invitation {invitationId} not found");
    }

    /// <summary>A host command through the REST API, at the show's current revision.</summary>
    public async Task<JsonObject> ShowAsync(string conferenceId, string command, object? fields = null)
    {
        var state = await SendAsync(HttpMethod.Get, $"/api/conferences/{conferenceId}/show", null);
        var body = fields is null ? [] : JsonSerializer.SerializeToNode(fields, Json)!.AsObject();
        body["expectedRevision"] = state["revision"]!.GetValue<int>();
        return await SendAsync(HttpMethod.Post, $"/api/conferences/{conferenceId}/show/{command}", body);
    }

    public async Task<JsonObject> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        using var response = await Organizer.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text) is JsonObject o ? o : new JsonObject { ["items"] = JsonNode.Parse(text) };
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        Organizer.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temp folder is cleaned by the system.
        }

        return ValueTask.CompletedTask;
    }

    private static string ServerAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot, "src", "Conference.Server", "bin", output.Parent!.Name, output.Name, "Conference.Server.dll");
        if (!File.Exists(path))
        {
            Assert.Fail($"The built server is missing at {path}; build the solution first (./scripts/test.sh does).");
        }

        return path;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 50)
            {
                _output.Dequeue();
            }
        }
    }
}
