using Conference.Server.Features.Conferences;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Segments;

/// <summary>DELETE carries no body, so the revision comes as <c>?expectedRevision=</c>.</summary>
public sealed record RemoveSegment(Guid SegmentId, int? ExpectedRevision) : ProgramEdit;

public sealed class RemoveSegmentValidator : AbstractValidator<RemoveSegment>
{
    public RemoveSegmentValidator() => RuleFor(s => s.ExpectedRevision).Revision();
}

public sealed class RemoveSegmentHandler(ConferenceDbContext db) : IRequestHandler<RemoveSegment, ConferenceDto>
{
    public async Task<ConferenceDto> Handle(RemoveSegment request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        program.RemoveSegment(request.ExpectedRevision!.Value, request.SegmentId);
        await db.SaveChangesAsync(cancellationToken);
        return ConferenceDto.From(program);
    }
}
