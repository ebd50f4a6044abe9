using Conference.Domain;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Awards;

/// <summary>Deletes an award list with its marks. DELETE carries no body, so the revision comes as <c>?expectedRevision=</c>.</summary>
[Requires(Permission.ManagePrograms)]
public sealed record DeleteAward(Guid ConferenceId, Guid AwardId, int? ExpectedRevision) : IRequest<Unit>, IConferenceRequest;

public sealed class DeleteAwardValidator : AbstractValidator<DeleteAward>
{
    public DeleteAwardValidator() => RuleFor(a => a.ExpectedRevision).Revision();
}

public sealed class DeleteAwardHandler(ConferenceDbContext db) : IRequestHandler<DeleteAward, Unit>
{
    public async Task<Unit> Handle(DeleteAward request, CancellationToken cancellationToken)
    {
        var award = await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken);
        if (award.Revision != request.ExpectedRevision)
        {
            throw new RevisionConflictException("award list", request.ExpectedRevision!.Value, award.Revision);
        }

        db.Awards.Remove(award);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
