using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// Where appeal videos and thumbnails live once accepted. Intake first stages a file on local disk
/// (ffprobe reads files), then hands it over under a key; a cloud store would upload it there.
/// </summary>
public interface IAppealStorage
{
    /// <summary>A fresh local path for staging an incoming file; the caller deletes it if it is not stored.</summary>
    string NewStagingPath(string extension);

    /// <summary>
    /// The local folder holding a conference's unfinished resumable uploads (partial file and state side by side),
    /// on the staging disk so a finished one moves into staging without a copy. It survives a restart.
    /// </summary>
    string UploadsFolder(Guid conferenceId);

    /// <summary>Takes the staged file over under <paramref name="key"/>.</summary>
    Task StoreAsync(string stagedPath, string key, CancellationToken cancellationToken);

    /// <summary>A seekable stream of a stored file (for HTTP range requests), or null when it is gone.</summary>
    Stream? OpenRead(string key);

    /// <summary>A path or URL the media server can pull the file from (ingress mode).</summary>
    string Locate(string key);

    void Delete(string key);

    /// <summary>
    /// Removes every stored file of a conference (its appeals' videos and thumbnails, its unfinished uploads), once the
    /// conference is deleted.
    /// </summary>
    void DeleteConference(Guid conferenceId);
}

/// <summary>The embedded default: a folder next to the database.</summary>
public sealed class LocalAppealStorage : IAppealStorage
{
    private readonly string _root;
    private readonly string _staging;

    public LocalAppealStorage(IOptions<AppealOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = options.Value.StoragePath;
        _root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine("data", "media") : configured, environment.ContentRootPath);
        _staging = Path.Combine(_root, ".staging");
        Directory.CreateDirectory(_staging);
    }

    public string NewStagingPath(string extension) => Path.Combine(_staging, $"{Guid.NewGuid():N}{extension}");

    public string UploadsFolder(Guid conferenceId) => Path.Combine(_staging, "uploads", conferenceId.ToString("N"));

    public Task StoreAsync(string stagedPath, string key, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(stagedPath, target, overwrite: true);
        return Task.CompletedTask;
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous)
            : null;
    }

    public string Locate(string key) => PathOf(key);

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public void DeleteConference(Guid conferenceId)
    {
        // Keys are "{conference:N}/...": the conference's folder holds exactly its files.
        var folder = Path.Combine(_root, conferenceId.ToString("N"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var uploads = UploadsFolder(conferenceId);
        if (Directory.Exists(uploads))
        {
            Directory.Delete(uploads, recursive: true);
        }
    }

    /// <summary>Keys are made by the server (conference/appeal ids); a key that leaves the root is a bug, never served.</summary>
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Storage key '{key}' leaves the media folder.");
        }

        return path;
    }
}
