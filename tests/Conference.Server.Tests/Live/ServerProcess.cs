using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Conference.Client;
using Conference.Server.Features.Conferences;

namespace Conference.Server.Tests.Live;

/// <summary>
/// The built server (<c>dotnet Conference.Server.dll</c>) as a child process on a free loopback port
/// with a SQLite file (or the database and settings given), so a test can kill it the hard way and start
/// it again on the same database.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"conference-live-{Guid.NewGuid():N}.db");
    private readonly Queue<string> _output = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    /// <param name="settings">Environment settings on top of the defaults (e.g. Database__Provider, Cluster__Redis).</param>
    public ServerProcess(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        Organizer.BaseAddress = BaseAddress;
        Organizer.DefaultRequestHeaders.Authorization = new("Bearer", ApiHost.OrganizerKey);
    }

    public Uri BaseAddress { get; }

    public HttpClient Organizer { get; } = new();

    /// <summary>The server's last lines of output, for a failure message.</summary>
    public string RecentOutput { get { lock (_output) { return string.Join(Environment.NewLine, _output); } } }

    /// <summary>The SQLite file this server uses unless its settings name another database.</summary>
    public string DatabaseFile => _databaseFile;

    /// <summary>The process id while it runs.</summary>
    public int? ProcessId => _process?.Id;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the server and returns once it answers ready.</summary>
    public async Task StartAsync()
    {
        StartProcess();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            Assert.That(_process!.HasExited, Is.False, $"The server exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{RecentOutput}");
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

    /// <summary>Starts the server expecting it to refuse to run: returns its exit code once it has exited.</summary>
    public async Task<int> StartExpectingExitAsync()
    {
        StartProcess();
        var process = _process!;
        using var patience = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The server kept running; it should have refused to start:\n{RecentOutput}");
        }

        // The output is read asynchronously: WaitForExit without a timeout waits for it to be drained.
        process.WaitForExit();
        var code = process.ExitCode;
        process.Dispose();
        _process = null;
        return code;
    }

    /// <summary>Asks the server to stop (SIGTERM, as an orchestrator does) and waits until it has.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(patience.Token);
        process.Dispose();
        _process = null;
    }

    private void StartProcess()
    {
        var info = new ProcessStartInfo("dotnet", [ServerAssembly()])
        {
            WorkingDirectory = Path.GetDirectoryName(ServerAssembly())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["ConnectionStrings__Conference"] = $"Data Source={_databaseFile};Pooling=false";
        info.Environment["Auth__OrganizerKey"] = ApiHost.OrganizerKey;
        info.Environment["Auth__SessionSigningKey"] = ApiHost.SigningKey;
        info.Environment["Auth__PublicBaseUrl"] = BaseAddress.ToString();
        info.Environment["Demo__SeedOnFirstRun"] = "false";
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
    }

    /// <summary>Kills the server with no chance to clean up, as a crash would.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        _process?.Dispose();
        _process = null;
    }

    public async Task<ConferenceDto> CreateProgramAsync(params object[] segments)
    {
        var created = await Organizer.PostAsJsonAsync("/api/conferences", new
        {
            title = "Crash drill", scheduledStart = DateTimeOffset.UtcNow.AddMinutes(1), timeZone = "Asia/Baku", languages = new[] { "az" },
        });
        var conference = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ConferenceDto>(ApiTestBase.Json))!;
        foreach (var segment in segments)
        {
            var body = System.Text.Json.JsonSerializer.SerializeToNode(segment)!.AsObject();
            body["expectedRevision"] = conference.Revision;
            var added = await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", body);
            conference = (await added.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ConferenceDto>(ApiTestBase.Json))!;
        }

        return conference;
    }

    public async Task<ConferenceLiveClient> ConnectAsync(Guid conferenceId, ConferenceClientOptions? options = null)
    {
        var client = new ConferenceLiveClient(BaseAddress, ApiHost.OrganizerKey, options);
        await client.StartAsync();
        await client.JoinAsync(conferenceId);
        return client;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Organizer.Dispose();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The server as built next to this solution, in the configuration the tests were built in.</summary>
    private static string ServerAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Conference.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? ".", "src", "Conference.Server", "bin", configuration, testOutput.Name, "Conference.Server.dll");
        if (!File.Exists(path))
        {
            Assert.Fail($"The built server is missing at {path}; build the solution first (./scripts/test.sh does).");
        }

        return path;
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
