using Conference.Domain;
using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Participants;

/// <summary>The participants of a conference, optionally only those with a role or from a country, by name.</summary>
[Requires(Permission.ViewParticipants)]
public sealed record ListParticipants(Guid ConferenceId, string? Role, string? Country) : IRequest<IReadOnlyList<ParticipantDto>>, IConferenceRequest;

public sealed class ListParticipantsValidator : AbstractValidator<ListParticipants>
{
    public ListParticipantsValidator()
    {
        RuleFor(q => q.Role).Must(role => role is null || RoleNames.Parse(role) is not null)
            .WithMessage($"'{{PropertyValue}}' is not a role; use {string.Join(", ", RoleNames.All.Select(RoleNames.Name))}.")
            .OverridePropertyName("role");
        RuleFor(q => q.Country).CountryCode().OverridePropertyName("country");
    }
}

public sealed class ListParticipantsHandler(ConferenceDbContext db, ICallerAccessor callers) : IRequestHandler<ListParticipants, IReadOnlyList<ParticipantDto>>
{
    public async Task<IReadOnlyList<ParticipantDto>> Handle(ListParticipants request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", request.ConferenceId);
        }

        var query = db.Participants.AsNoTracking().Where(p => p.ConferenceId == request.ConferenceId);
        if (request.Country is { } country)
        {
            var upper = country.ToUpperInvariant();
            query = query.Where(p => p.Country == upper);
        }

        if (RoleNames.Parse(request.Role) is { } role)
        {
            query = query.Where(p => (p.Roles & role) == role);
        }

        var participants = await query.OrderBy(p => p.DisplayName).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var withEmail = callers.Current.IsOrganizer;
        return [.. participants.Select(p => ParticipantDto.From(p, withEmail))];
    }
}
