using Conference.Domain;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Conference.Server.Identity;

namespace Conference.Server.Features.Registration;

/// <summary>
/// Whether a conference takes registrations and how many places are left. Public, like the
/// program: the registration page shows it before anyone has signed in.
/// </summary>
[AllowAnonymousRequest]
public sealed record GetRegistration(Guid ConferenceId) : IRequest<RegistrationDto>, IConferenceRequest;

public sealed record RegistrationDto(Guid ConferenceId, bool Open, int? Capacity, int Participants, int? PlacesLeft);

public sealed class GetRegistrationHandler(ConferenceDbContext db) : IRequestHandler<GetRegistration, RegistrationDto>
{
    public async Task<RegistrationDto> Handle(GetRegistration request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", request.ConferenceId);
        }

        var policy = await db.RegistrationPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.ConferenceId == request.ConferenceId, cancellationToken);
        var count = await db.Participants.CountAsync(p => p.ConferenceId == request.ConferenceId, cancellationToken);
        return Describe(request.ConferenceId, policy?.IsOpen ?? false, policy?.Capacity, count);
    }

    public static RegistrationDto Describe(Guid conferenceId, bool open, int? capacity, int count) =>
        new(conferenceId, open, capacity, count, capacity is { } c ? Math.Max(0, c - count) : null);
}
