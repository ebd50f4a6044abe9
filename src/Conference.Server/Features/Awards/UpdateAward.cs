using Conference.Domain.Awards;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Awards;

public sealed record UpdateAward(int? ExpectedRevision, string? Name, string? Description) : AwardEdit;

public sealed class UpdateAwardValidator : AbstractValidator<UpdateAward>
{
    public UpdateAwardValidator()
    {
        RuleFor(a => a.ExpectedRevision).Revision();
        RuleFor(a => a.Name).NotEmpty().WithMessage("An award needs a name, such as the medal's title.").MaximumLength(AwardLimits.NameMaxLength);
        RuleFor(a => a.Description).MaximumLength(AwardLimits.DescriptionMaxLength);
    }
}

public sealed class UpdateAwardHandler(ConferenceDbContext db) : IRequestHandler<UpdateAward, AwardDto>
{
    public async Task<AwardDto> Handle(UpdateAward request, CancellationToken cancellationToken)
    {
        var award = await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken);
        award.UpdateDetails(request.ExpectedRevision!.Value, request.Name, request.Description);
        return await db.SaveAwardAsync(award, cancellationToken);
    }
}
