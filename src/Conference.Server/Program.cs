using Conference.Server.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddConferenceServer();

var app = builder.Build();
await app.PrepareAsync();
app.UseConferenceServer();
await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
