using System.Text.Json.Serialization;
using Conference.Domain;
using Conference.Domain.Participants;
using Conference.Server.Features.Invitations;
using Conference.Server.Features.Participants;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Media;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Registration;

/// <summary>
/// Self-registration as an attendee, when the organizer has opened it: one request gives a
/// session token to join now and a personal join link to come back with later.
/// </summary>
[AllowAnonymousRequest]
public sealed record Register(string? DisplayName, string? Country, string? Language) : IRequest<RegisteredDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed record RegisteredDto(SessionDto Session, InvitationLink JoinLink);

public sealed class RegisterValidator : AbstractValidator<Register>
{
    public RegisterValidator()
    {
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("Tell us the name to show to others.")
            .MaximumLength(ParticipantLimits.DisplayNameMaxLength)
            .PersonName();
        RuleFor(r => r.Country).NotEmpty().WithMessage("Choose your country (an ISO code such as 'AZ').").CountryCode();
        RuleFor(r => r.Language).LanguageTag();
    }
}

public sealed class RegisterHandler(ConferenceDbContext db, SessionTokens tokens, JoinLinks links, MediaDirector media, TimeProvider time)
    : IRequestHandler<Register, RegisteredDto>
{
    private const int Attempts = 20;

    public async Task<RegisteredDto> Handle(Register request, CancellationToken cancellationToken)
    {
        var language = await db.DefaultLanguageAsync(request.ConferenceId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryRegisterAsync(request, language, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone else took a place between our count and our write: count again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<RegisteredDto> TryRegisterAsync(Register request, string defaultLanguage, CancellationToken cancellationToken)
    {
        var policy = await db.RegistrationPolicies.SingleOrDefaultAsync(p => p.ConferenceId == request.ConferenceId, cancellationToken)
            ?? RegistrationPolicy.ClosedFor(request.ConferenceId);
        policy.Admit(await db.Participants.CountAsync(p => p.ConferenceId == request.ConferenceId, cancellationToken));

        var now = time.GetUtcNow();
        var profile = new ParticipantProfile(
            request.DisplayName!, request.Country!, string.IsNullOrWhiteSpace(request.Language) ? defaultLanguage : request.Language, null,
            ParticipantRoles.Attendee);
        var participant = Participant.Create(Guid.NewGuid(), request.ConferenceId, profile, ParticipantOrigin.Registration, now);
        if (await db.Participants.AnyAsync(p => p.ConferenceId == request.ConferenceId && p.IdentityKey == participant.IdentityKey, cancellationToken))
        {
            throw new DomainException(
                "Someone with this name and country is already registered. Use the join link you received, or add a detail to your name.");
        }

        var (invitation, link) = links.Create(participant, now, expiresAt: null);
        db.Participants.Add(participant);
        db.Invitations.Add(invitation);
        invitation.Redeem(now);
        await db.SaveChangesAsync(cancellationToken);
        var ticket = await media.IssueJoinTicketAsync(participant.ConferenceId, ShowMediaSituations.MemberOf(participant), cancellationToken);
        return new RegisteredDto(SessionDto.From(tokens.Issue(participant, invitation), participant, ticket), link);
    }
}
