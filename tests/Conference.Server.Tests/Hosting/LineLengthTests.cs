namespace Conference.Server.Tests.Hosting;

/// <summary>
/// Long lines fail the test run (the compiler has no line-length rule). Product code is held to 160 characters; tests
/// to 200, because their request and wire literals (JSON bodies, webhook captures) stay on one line to be compared
/// with the wire. Generated migrations are left out.
/// </summary>
public class LineLengthTests
{
    private const int SourceLimit = 160;
    private const int TestLimit = 200;

    [TestCase("src", SourceLimit)]
    [TestCase("tests", TestLimit)]
    public void CSharpLines_StayWithinTheLimit(string folder, int limit)
    {
        var root = Path.Combine(RepositoryRoot(), folder);
        var tooLong = (
            from file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            let relative = Path.GetRelativePath(RepositoryRoot(), file)
            where !IsGenerated(relative)
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            where line.text.Length > limit
            select $"{relative}:{line.number} ({line.text.Length} characters)").ToList();

        Assert.That(tooLong, Is.Empty, $"lines longer than {limit} characters; wrap them");
    }

    private static bool IsGenerated(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("obj") || parts.Contains("bin") || parts.Contains("Migrations") || parts.Contains("node_modules");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Conference.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Conference.sln not found above the test directory.");
    }
}
