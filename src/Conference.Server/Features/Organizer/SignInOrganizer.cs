using System.Security.Cryptography;
using System.Text;
using Conference.Server.Identity;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Organizer;

/// <summary>
/// Exchanges the organizer key for an organizer session token, so the organizer types the key once
/// and the browser keeps only the token. Open to anyone (the key is the credential); failed attempts
/// count against the same per-address limit as join codes. The key travels in the body, never in a URL.
/// </summary>
[AllowAnonymousRequest]
public sealed record SignInOrganizer(string? Key) : IRequest<OrganizerSessionDto>;

/// <summary>What the organizer's browser keeps: the token and when it stops working.</summary>
public sealed record OrganizerSessionDto(string Token, DateTimeOffset ExpiresAt);

public sealed class SignInOrganizerValidator : AbstractValidator<SignInOrganizer>
{
    public SignInOrganizerValidator() =>
        RuleFor(r => r.Key).NotEmpty().WithMessage("Enter the organizer key.").MaximumLength(500);
}

public sealed class SignInOrganizerHandler(IOptionsMonitor<OrganizerKeyOptions> keys, OrganizerSessions sessions)
    : IRequestHandler<SignInOrganizer, OrganizerSessionDto>
{
    public Task<OrganizerSessionDto> Handle(SignInOrganizer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = keys.Get(OrganizerKeyAuthenticationHandler.SchemeName).Key;
        if (string.IsNullOrEmpty(configured)
            || !CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(request.Key!)), SHA256.HashData(Encoding.UTF8.GetBytes(configured))))
        {
            throw new AccessDeniedException("This is not the organizer key.", authenticated: false);
        }

        var session = sessions.Issue(configured);
        return Task.FromResult(new OrganizerSessionDto(session.Token, session.ExpiresAt));
    }
}
