using System.Text.Json.Serialization;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>Moves an appeal to another video-appeals segment, at `position` in its queue or at the end.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record MoveAppeal(int? ExpectedRevision, Guid? SegmentId, int? Position) : IRequest<AppealQueueDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Guid AppealId { get; init; }
}

public sealed class MoveAppealValidator : AbstractValidator<MoveAppeal>
{
    public MoveAppealValidator()
    {
        RuleFor(r => r.ExpectedRevision).Revision();
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the video-appeals segment to move the appeal to ('segmentId').");
        RuleFor(r => r.Position).GreaterThanOrEqualTo(0);
    }
}

public sealed class MoveAppealHandler(ConferenceDbContext db, ProgramChangeNotifier notifier) : IRequestHandler<MoveAppeal, AppealQueueDto>
{
    public async Task<AppealQueueDto> Handle(MoveAppeal request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var queue = await db.LoadAppealQueueAsync(request.ConferenceId, cancellationToken);
        queue.Move(request.ExpectedRevision!.Value, request.AppealId, program.Find(request.SegmentId!.Value), request.Position);
        return await db.CommitAppealsAsync(queue, program, notifier, cancellationToken);
    }
}
