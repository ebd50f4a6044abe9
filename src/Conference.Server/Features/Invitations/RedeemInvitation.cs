using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Media;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Invitations;

/// <summary>
/// Exchanges a join code for a session token. Open to anyone (the code is the credential) and
/// rate limited per client address; the code is sent in the body, never in a URL.
/// </summary>
[AllowAnonymousRequest]
public sealed record RedeemInvitation(string? Code) : IRequest<SessionDto>;

/// <summary>What a participant's client keeps: the token for REST and the hub, and who they are.</summary>
/// <remarks><see cref="Media"/> is where and with what the participant joins the call, so one click gets them in.</remarks>
public sealed record SessionDto(
    string Token, DateTimeOffset ExpiresAt, Guid ConferenceId, Guid ParticipantId, string DisplayName, string Country, string Language,
    IReadOnlyList<string> Roles, MediaJoinTicket Media)
{
    public static SessionDto From(IssuedSession session, Participant p, MediaJoinTicket media) =>
        new(session.Token, session.ExpiresAt, p.ConferenceId, p.Id, p.DisplayName, p.Country, p.Language, RoleNames.ToNames(p.Roles), media);
}

public sealed class RedeemInvitationValidator : AbstractValidator<RedeemInvitation>
{
    public RedeemInvitationValidator() =>
        RuleFor(r => r.Code).NotEmpty().WithMessage("Send the code from your join link.").MaximumLength(200);
}

public sealed class RedeemInvitationHandler(ConferenceDbContext db, SessionTokens tokens, MediaDirector media, TimeProvider time)
    : IRequestHandler<RedeemInvitation, SessionDto>
{
    public async Task<SessionDto> Handle(RedeemInvitation request, CancellationToken cancellationToken)
    {
        var hash = SessionTokens.HashInvitationCode(request.Code!);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.CodeHash == hash, cancellationToken)
            ?? throw Refused("This join link is not valid. Check that you copied all of it, or ask the organizer for a new one.");
        var now = time.GetUtcNow();
        switch (invitation.StatusAt(now))
        {
            case InvitationStatus.Revoked:
                throw Refused("This join link was revoked. Ask the organizer for a new one.");
            case InvitationStatus.Expired:
                throw Refused("This join link has expired. Ask the organizer for a new one.");
        }

        var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == invitation.ParticipantId, cancellationToken);
        invitation.Redeem(now);
        await db.SaveChangesAsync(cancellationToken);
        var ticket = await media.IssueJoinTicketAsync(participant.ConferenceId, ShowMediaSituations.MemberOf(participant), cancellationToken);
        return SessionDto.From(tokens.Issue(participant, invitation), participant, ticket);
    }

    private static AccessDeniedException Refused(string message) => new(message, authenticated: false);
}
