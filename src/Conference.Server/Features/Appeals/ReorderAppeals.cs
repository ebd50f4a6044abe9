using System.Text.Json.Serialization;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>Sets the play order of one segment's queue: `appealIds` lists each of its appeals exactly once (like a segment reorder).</summary>
[Requires(Permission.ManageAppeals)]
public sealed record ReorderAppeals(int? ExpectedRevision, Guid? SegmentId, IReadOnlyList<Guid>? AppealIds) : IRequest<AppealQueueDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class ReorderAppealsValidator : AbstractValidator<ReorderAppeals>
{
    public ReorderAppealsValidator()
    {
        RuleFor(r => r.ExpectedRevision).Revision();
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the segment whose queue is reordered ('segmentId').");
        RuleFor(r => r.AppealIds).NotNull().WithMessage("Send the new order ('appealIds').")
            .Must(ids => ids is null || ids.Count <= Conference.Domain.Appeals.AppealLimits.MaxAppealsPerConference).WithMessage("Too many appeals.");
    }
}

public sealed class ReorderAppealsHandler(ConferenceDbContext db, ProgramChangeNotifier notifier) : IRequestHandler<ReorderAppeals, AppealQueueDto>
{
    public async Task<AppealQueueDto> Handle(ReorderAppeals request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var queue = await db.LoadAppealQueueAsync(request.ConferenceId, cancellationToken);
        program.Find(request.SegmentId!.Value);
        queue.Reorder(request.ExpectedRevision!.Value, request.SegmentId!.Value, request.AppealIds!);
        return await db.CommitAppealsAsync(queue, program, notifier, cancellationToken);
    }
}
