using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Conference.Server.Identity;

public static partial class IdentitySetup
{
    public const string OrganizerKeySetting = "Auth:OrganizerKey";

    /// <summary>Chooses per request between the organizer key and a session token, both sent as bearer credentials.</summary>
    public const string BearerSchemeName = "Bearer-or-key";

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

        if (key is not null && BearerCredential.IsJwt(key))
        {
            throw new InvalidOperationException($"{OrganizerKeySetting} must not contain two dots: it would be read as a session token.");
        }

        var signingKeyGenerated = EnsureSigningKey(builder);
        var sessions = builder.Configuration.GetSection(SessionSettings.Section).Get<SessionSettings>() ?? new SessionSettings();
        sessions.Check();

        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton<ICallerAccessor, HttpCallerAccessor>();
        services.Configure<SessionSettings>(builder.Configuration.GetSection(SessionSettings.Section));
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<OrganizerSessions>();
        services.ConfigureOptions<SessionAuthentication>();
        services.AddAuthentication(BearerSchemeName)
            .AddPolicyScheme(BearerSchemeName, "Organizer key or session token", o => o.ForwardDefaultSelector = context =>
                BearerCredential.Read(context.Request) is { } token && BearerCredential.IsJwt(token) && !OrganizerSessions.LooksLikeOrganizerSession(token)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : OrganizerKeyAuthenticationHandler.SchemeName)
            .AddScheme<OrganizerKeyOptions, OrganizerKeyAuthenticationHandler>(OrganizerKeyAuthenticationHandler.SchemeName, o => o.Key = key)
            .AddJwtBearer();
        services.AddAuthorization();
        services.AddConferenceCors(builder.Configuration);
        services.AddConferenceRateLimits(builder.Configuration);
        services.AddHostedService(sp => new OrganizerKeyAnnouncement(
            sp.GetRequiredService<ILogger<OrganizerKeyAnnouncement>>(), generated ? key : null, string.IsNullOrWhiteSpace(key), signingKeyGenerated));
        return builder;
    }

    /// <summary>Middleware of access, in order: CORS, who is calling, refusing bad credentials, rate limits.</summary>
    public static WebApplication UseConferenceIdentity(this WebApplication app)
    {
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<InvalidCredentialRejection>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Development gets a fresh key per start (sessions end with a restart); anywhere else a
    /// missing key stops the server, because a guessable key would let anyone mint a host token.
    /// </summary>
    private static bool EnsureSigningKey(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[SessionSettings.SigningKeySetting]))
        {
            return false;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{SessionSettings.SigningKeySetting} is not configured. Set Auth__SessionSigningKey to at least " +
                $"{SessionSettings.MinimumKeyBytes} random bytes (e.g. 'openssl rand -base64 48').");
        }

        builder.Configuration[SessionSettings.SigningKeySetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        return true;
    }
}

/// <summary>
/// Tells the operator at start-up how organizers sign in. A generated development organizer key
/// is the one secret printed, because without it a newcomer could not make a single edit; the
/// generated signing key is never printed.
/// </summary>
internal sealed partial class OrganizerKeyAnnouncement(
    ILogger<OrganizerKeyAnnouncement> logger, string? generatedKey, bool missing, bool signingKeyGenerated)
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

        if (signingKeyGenerated)
        {
            GeneratedSigningKey(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Auth:OrganizerKey configured; generated a development organizer key: {Key}")]
    private static partial void GeneratedKey(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Auth:OrganizerKey configured: nobody can edit programs. Set Auth__OrganizerKey.")]
    private static partial void MissingKey(ILogger logger);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "No Auth:SessionSigningKey configured; generated one for this start. Participant sessions end when the server restarts.")]
    private static partial void GeneratedSigningKey(ILogger logger);
}
