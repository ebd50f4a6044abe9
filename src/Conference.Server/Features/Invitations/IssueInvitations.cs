using Conference.Domain;
using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Invitations;

/// <summary>
/// Invitations for many participants at once, for a mail merge after a roster import: everyone
/// (or everyone with a role) who has no usable invitation yet, so running it twice sends nobody two links.
/// </summary>
[Requires(Permission.ManageParticipants)]
public sealed record IssueInvitations(string? Role, DateTimeOffset? ExpiresAt) : IRequest<IReadOnlyList<InvitationLink>>, IConferenceRequest
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class IssueInvitationsValidator : AbstractValidator<IssueInvitations>
{
    public IssueInvitationsValidator()
    {
        RuleFor(r => r.Role).Must(role => role is null || RoleNames.Parse(role) is not null)
            .WithMessage($"'{{PropertyValue}}' is not a role; use {string.Join(", ", RoleNames.All.Select(RoleNames.Name))}.");
        RuleFor(r => r.ExpiresAt).PlannableInstant();
    }
}

public sealed class IssueInvitationsHandler(ConferenceDbContext db, JoinLinks links, TimeProvider time)
    : IRequestHandler<IssueInvitations, IReadOnlyList<InvitationLink>>
{
    public async Task<IReadOnlyList<InvitationLink>> Handle(IssueInvitations request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", request.ConferenceId);
        }

        var now = time.GetUtcNow();
        var role = RoleNames.Parse(request.Role);
        var participants = await db.Participants.AsNoTracking().Where(p => p.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.ConferenceId == request.ConferenceId).ToListAsync(cancellationToken);
        var invited = invitations.Where(i => i.IsUsableAt(now)).Select(i => i.ParticipantId).ToHashSet();

        var issued = new List<InvitationLink>();
        foreach (var participant in participants
            .Where(p => !invited.Contains(p.Id) && (role is null || p.Roles.HasFlag(role.Value)))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal))
        {
            var (invitation, link) = links.Create(participant, now, request.ExpiresAt);
            db.Invitations.Add(invitation);
            issued.Add(link);
        }

        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }
}
