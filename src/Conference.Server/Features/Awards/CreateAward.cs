using System.Text.Json.Serialization;
using Conference.Domain;
using Conference.Domain.Awards;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Awards;

/// <summary>Creates the award list of an awards-ceremony segment; the name defaults to the segment's award name.</summary>
[Requires(Permission.ManagePrograms)]
public sealed record CreateAward(Guid? SegmentId, string? Name, string? Description) : IRequest<AwardDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class CreateAwardValidator : AbstractValidator<CreateAward>
{
    public CreateAwardValidator()
    {
        RuleFor(a => a.SegmentId).NotNull().WithMessage("Name the awards-ceremony segment the award is given in ('segmentId').");
        RuleFor(a => a.Name).MaximumLength(AwardLimits.NameMaxLength);
        RuleFor(a => a.Description).MaximumLength(AwardLimits.DescriptionMaxLength);
    }
}

public sealed class CreateAwardHandler(ConferenceDbContext db) : IRequestHandler<CreateAward, AwardDto>
{
    public async Task<AwardDto> Handle(CreateAward request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var segment = program.Find(request.SegmentId!.Value);
        if (await db.Awards.AnyAsync(a => a.ConferenceId == request.ConferenceId && a.SegmentId == segment.Id, cancellationToken))
        {
            throw new DomainException($"'{segment.Title}' already has an award list; change that one.");
        }

        var award = Award.Create(Guid.NewGuid(), request.ConferenceId, segment, request.Name, request.Description);
        db.Awards.Add(award);
        return await db.SaveAwardAsync(award, cancellationToken);
    }
}
