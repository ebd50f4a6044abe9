using Conference.Domain.Programs;
using Conference.Server.Features.Conferences;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Segments;

public sealed record ReorderSegments(int? ExpectedRevision, IReadOnlyList<Guid>? SegmentIds) : ProgramEdit;

public sealed class ReorderSegmentsValidator : AbstractValidator<ReorderSegments>
{
    public ReorderSegmentsValidator()
    {
        RuleFor(r => r.ExpectedRevision).Revision();
        RuleFor(r => r.SegmentIds).NotNull().WithMessage("List every segment id in the new order ('segmentIds').")
            .Must(ids => ids is null || ids.Count <= SegmentLimits.MaxSegments)
            .WithMessage($"A program holds at most {SegmentLimits.MaxSegments} segments.");
    }
}

public sealed class ReorderSegmentsHandler(ConferenceDbContext db) : IRequestHandler<ReorderSegments, ConferenceDto>
{
    public async Task<ConferenceDto> Handle(ReorderSegments request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        program.Reorder(request.ExpectedRevision!.Value, request.SegmentIds!);
        await db.SaveChangesAsync(cancellationToken);
        return ConferenceDto.From(program);
    }
}
