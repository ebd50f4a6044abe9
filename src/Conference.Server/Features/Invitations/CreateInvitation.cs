using System.Text.Json.Serialization;
using Conference.Server.Features.Participants;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Invitations;

/// <summary>
/// A personal join link for one participant, optionally expiring. A participant may hold several
/// (a phone and a laptop); each can be revoked on its own.
/// </summary>
[Requires(Permission.ManageParticipants)]
public sealed record CreateInvitation(DateTimeOffset? ExpiresAt) : IRequest<InvitationLink>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Guid ParticipantId { get; init; }
}

public sealed class CreateInvitationValidator : AbstractValidator<CreateInvitation>
{
    public CreateInvitationValidator() => RuleFor(r => r.ExpiresAt).PlannableInstant();
}

public sealed class CreateInvitationHandler(ConferenceDbContext db, JoinLinks links, TimeProvider time)
    : IRequestHandler<CreateInvitation, InvitationLink>
{
    public async Task<InvitationLink> Handle(CreateInvitation request, CancellationToken cancellationToken)
    {
        var participant = await db.LoadParticipantAsync(request.ConferenceId, request.ParticipantId, cancellationToken);
        var (invitation, link) = links.Create(participant, time.GetUtcNow(), request.ExpiresAt);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }
}
