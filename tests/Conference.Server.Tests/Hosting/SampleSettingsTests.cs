using Microsoft.Extensions.Configuration;

namespace Conference.Server.Tests.Hosting;

/// <summary>appsettings.sample.json is the documented list of every key; it must not fall behind.</summary>
public class SampleSettingsTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Conference.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Conference.sln not found above the test directory.");
    }

    private static HashSet<string> LeafKeys(string path)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false).Build();
        return configuration.AsEnumerable().Where(kv => kv.Value is not null).Select(kv => kv.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [Test]
    public void Sample_ListsEveryKeyOfTheServersAppSettings()
    {
        var root = RepositoryRoot();
        var sample = LeafKeys(Path.Combine(root, "appsettings.sample.json"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "src", "Conference.Server"), "appsettings*.json"))
        {
            Assert.That(sample, Is.SupersetOf(LeafKeys(file)), $"keys of {Path.GetFileName(file)} missing from appsettings.sample.json");
        }
    }

    [Test]
    public void Sample_NamesTheKeysTheServerReadsInCode()
    {
        var sample = LeafKeys(Path.Combine(RepositoryRoot(), "appsettings.sample.json"));
        Assert.That(sample, Is.SupersetOf(new[]
        {
            "Database:Provider", "ConnectionStrings:Conference", "Auth:OrganizerKey", "Demo:SeedOnFirstRun", "Api:MaxRequestBodyBytes",
        }));
    }
}
