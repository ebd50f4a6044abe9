using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Conference.Server.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without starting the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteConferenceDbContext>
{
    public SqliteConferenceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteConferenceDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresConferenceDbContext>
{
    public PostgresConferenceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresConferenceDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
