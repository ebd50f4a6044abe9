using System.Text.Json.Serialization;
using Conference.Domain;
using Conference.Domain.Participants;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Registration;

/// <summary>Opens or closes self-registration and sets the capacity (null: no limit).</summary>
[Requires(Permission.ManageParticipants)]
public sealed record ConfigureRegistration(bool? Open, int? Capacity) : IRequest<RegistrationDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class ConfigureRegistrationValidator : AbstractValidator<ConfigureRegistration>
{
    public ConfigureRegistrationValidator()
    {
        RuleFor(r => r.Open).NotNull().WithMessage("Say whether registration is open: \"open\": true or false.");
        RuleFor(r => r.Capacity).InclusiveBetween(1, RegistrationPolicy.MaxCapacity)
            .WithMessage($"Capacity is between 1 and {RegistrationPolicy.MaxCapacity}, or null for no limit.");
    }
}

public sealed class ConfigureRegistrationHandler(ConferenceDbContext db) : IRequestHandler<ConfigureRegistration, RegistrationDto>
{
    public async Task<RegistrationDto> Handle(ConfigureRegistration request, CancellationToken cancellationToken)
    {
        if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
        {
            throw new NotFoundException("conference", request.ConferenceId);
        }

        var policy = await db.RegistrationPolicies.SingleOrDefaultAsync(p => p.ConferenceId == request.ConferenceId, cancellationToken);
        if (policy is null)
        {
            policy = RegistrationPolicy.ClosedFor(request.ConferenceId);
            db.RegistrationPolicies.Add(policy);
        }

        policy.Configure(request.Open!.Value, request.Capacity);
        await db.SaveChangesAsync(cancellationToken);
        var count = await db.Participants.CountAsync(p => p.ConferenceId == request.ConferenceId, cancellationToken);
        return GetRegistrationHandler.Describe(request.ConferenceId, policy.IsOpen, policy.Capacity, count);
    }
}
