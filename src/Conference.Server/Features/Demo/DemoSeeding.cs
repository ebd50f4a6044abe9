using Conference.Server.Persistence;

namespace Conference.Server.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo conference when the database is created. On by default; off in production.</summary>
    public bool SeedOnFirstRun { get; set; } = true;
}

public static partial class DemoSeeding
{
    public static IServiceCollection AddDemoFeature(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));

    /// <summary>Seeds only into a database created on this start, so a deleted demo stays deleted.</summary>
    public static async Task SeedDemoConferenceAsync(this IServiceProvider services, bool databaseIsNew, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
        if (!databaseIsNew || !options.SeedOnFirstRun)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var program = DemoConference.Build(services.GetRequiredService<TimeProvider>().GetUtcNow());
        db.Conferences.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        Seeded(services.GetRequiredService<ILogger<DemoOptions>>(), program.Title, program.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo conference '{Title}' ({Id})")]
    private static partial void Seeded(ILogger logger, string title, Guid id);
}
