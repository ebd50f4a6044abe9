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
public sealed record ConfigureRegistration(bool? Open, int? Capacity) : IRequest<RegistrationDto>, IAuthorizedRequest
{
    [JsonIgnore]
    public Guid Id { get; init; }

    [JsonIgnore]
    public Permission RequiredPermission => Permission.ManageParticipants;

    [JsonIgnore]
    public Guid? ConferenceId => Id;
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
        if (!await db.Conferences.AnyAsync(c => c.Id == request.Id, cancellationToken))
        {
            throw new NotFoundException("conference", request.Id);
        }

        var policy = await db.RegistrationPolicies.SingleOrDefaultAsync(p => p.ConferenceId == request.Id, cancellationToken);
        if (policy is null)
        {
            policy = RegistrationPolicy.ClosedFor(request.Id);
            db.RegistrationPolicies.Add(policy);
        }

        policy.Configure(request.Open!.Value, request.Capacity);
        await db.SaveChangesAsync(cancellationToken);
        var count = await db.Participants.CountAsync(p => p.ConferenceId == request.Id, cancellationToken);
        return GetRegistrationHandler.Describe(request.Id, policy.IsOpen, policy.Capacity, count);
    }
}
