using System.Security.Cryptography;

namespace Conference.Server.Identity;

public static partial class IdentitySetup
{
    public const string OrganizerKeySetting = "Auth:OrganizerKey";

    public static WebApplicationBuilder AddConferenceIdentity(this WebApplicationBuilder builder)
    {
        var key = builder.Configuration[OrganizerKeySetting];
        var generated = false;
        if (string.IsNullOrWhiteSpace(key) && builder.Environment.IsDevelopment())
        {
            key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            builder.Configuration[OrganizerKeySetting] = key;
            generated = true;
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ICallerAccessor, HttpCallerAccessor>();
        builder.Services.AddAuthentication(OrganizerKeyAuthenticationHandler.SchemeName)
            .AddScheme<OrganizerKeyOptions, OrganizerKeyAuthenticationHandler>(
                OrganizerKeyAuthenticationHandler.SchemeName, o => o.Key = key);
        builder.Services.AddAuthorization();
        builder.Services.AddHostedService(sp => new OrganizerKeyAnnouncement(
            sp.GetRequiredService<ILogger<OrganizerKeyAnnouncement>>(), generated ? key : null, string.IsNullOrWhiteSpace(key)));
        return builder;
    }
}

/// <summary>
/// Tells the operator at start-up how organizers sign in. A generated development key is the
/// one secret printed, because without it a newcomer could not make a single edit.
/// </summary>
internal sealed partial class OrganizerKeyAnnouncement(ILogger<OrganizerKeyAnnouncement> logger, string? generatedKey, bool missing)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (generatedKey is not null)
        {
            GeneratedKey(logger, generatedKey);
        }
        else if (missing)
        {
            MissingKey(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Auth:OrganizerKey configured; generated a development organizer key: {Key}")]
    private static partial void GeneratedKey(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Auth:OrganizerKey configured: nobody can edit programs. Set Auth__OrganizerKey.")]
    private static partial void MissingKey(ILogger logger);
}
