using Conference.Server.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Conference.Server.Identity;

/// <summary>
/// Validates session tokens. Signature, issuer, audience and expiry are checked against this
/// server's key and clock; then the database confirms that the invitation behind the token is
/// still usable and the participant still exists, so revoking or deleting takes effect at once.
/// </summary>
public sealed class SessionAuthentication(
    IOptions<SessionSettings> sessions, TimeProvider time, IServiceScopeFactory scopes) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        options.MapInboundClaims = false;
        options.TimeProvider = time;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = SessionTokens.Issuer,
            ValidAudience = SessionTokens.Audience,
            IssuerSigningKey = SessionTokens.SigningKey(sessions.Value),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            NameClaimType = SessionClaims.Name,
            RoleClaimType = SessionClaims.Role,
            RequireExpirationTime = true,

            // This server issues and checks its own tokens on one clock, so no skew is allowed;
            // the clock is the injected TimeProvider, so tests can expire a token without waiting.
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } end && now < end && (notBefore is null || notBefore <= now);
            },
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                context.Token = BearerCredential.Read(context.Request);
                return Task.CompletedTask;
            },
            OnTokenValidated = ConfirmStillValidAsync,
            OnAuthenticationFailed = context =>
            {
                // A token past its expiry is not "invalid or revoked": say so, so the client knows to sign in again.
                if (context.Exception is SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException)
                {
                    context.HttpContext.Items[SessionValidity.RefusalItem] = SessionValidity.Expired;
                }

                return Task.CompletedTask;
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    private async Task ConfirmStillValidAsync(TokenValidatedContext context)
    {
        // Its own short scope, not the request's: a hub connection's request lasts as long as the connection,
        // and would hold a database context (tens of KB) for each of thousands of open connections.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var (principal, refusal) = await SessionValidity.ConfirmAsync(context.Principal!, db, time.GetUtcNow(), context.HttpContext.RequestAborted);
        if (principal is null)
        {
            context.HttpContext.Items[SessionValidity.RefusalItem] = refusal;
            context.Fail(refusal!);
            return;
        }

        context.Principal = principal;
    }
}
