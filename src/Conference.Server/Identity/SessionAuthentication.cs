using System.Security.Claims;
using Conference.Domain.Participants;
using Conference.Server.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Conference.Server.Identity;

/// <summary>
/// Validates session tokens. Signature, issuer, audience and expiry are checked against this
/// server's key and clock; then the database confirms that the invitation behind the token is
/// still usable and the participant still exists, so revoking or deleting takes effect at once.
/// </summary>
public sealed class SessionAuthentication(IOptions<SessionSettings> sessions, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
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
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    private async Task ConfirmStillValidAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        if (!Guid.TryParse(principal.FindFirst(SessionClaims.Invitation)?.Value, out var invitationId)
            || !Guid.TryParse(principal.FindFirst(SessionClaims.Participant)?.Value, out var participantId)
            || !Guid.TryParse(principal.FindFirst(SessionClaims.Conference)?.Value, out var conferenceId))
        {
            context.Fail("The session token lacks its claims.");
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<ConferenceDbContext>();
        var invitation = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invitationId, context.HttpContext.RequestAborted);
        var participant = await db.Participants.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == participantId && p.ConferenceId == conferenceId, context.HttpContext.RequestAborted);
        if (invitation is null || participant is null || invitation.ParticipantId != participantId || !invitation.IsUsableAt(time.GetUtcNow()))
        {
            context.Fail("The session was revoked.");
            return;
        }

        // A role taken away since the token was issued is gone at once; a role added needs a new token.
        var tokenRoles = RoleNames.ParseAll(principal.FindAll(SessionClaims.Role).Select(c => c.Value)) ?? ParticipantRoles.None;
        var effective = tokenRoles & participant.Roles;
        var identity = new ClaimsIdentity(
            principal.Claims.Where(c => c.Type != SessionClaims.Role)
                .Concat(RoleNames.ToNames(effective).Select(r => new Claim(SessionClaims.Role, r))),
            JwtBearerDefaults.AuthenticationScheme, SessionClaims.Name, SessionClaims.Role);
        context.Principal = new ClaimsPrincipal(identity);
    }
}
