using System.Text.Json.Serialization;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>Deletes an appeal and its files (rejected appeals are kept until a producer removes them, so the sender can be answered).</summary>
[Requires(Permission.ManageAppeals)]
public sealed record RemoveAppeal(Guid AppealId, int? ExpectedRevision) : IRequest<AppealQueueDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class RemoveAppealValidator : AbstractValidator<RemoveAppeal>
{
    public RemoveAppealValidator() => RuleFor(r => r.ExpectedRevision).Revision();
}

public sealed class RemoveAppealHandler(ConferenceDbContext db, ProgramChangeNotifier notifier, AppealIntake intake)
    : IRequestHandler<RemoveAppeal, AppealQueueDto>
{
    public async Task<AppealQueueDto> Handle(RemoveAppeal request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var queue = await db.LoadAppealQueueAsync(request.ConferenceId, cancellationToken);
        var removed = queue.Remove(request.ExpectedRevision!.Value, request.AppealId);
        db.Remove(removed);
        var answer = await db.CommitAppealsAsync(queue, program, notifier, cancellationToken);

        // Only once the row is gone: a failed save must not leave an appeal without its video.
        intake.Forget(removed.Video);
        return answer;
    }
}
