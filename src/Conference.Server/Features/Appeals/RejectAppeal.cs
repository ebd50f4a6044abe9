using System.Text.Json.Serialization;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// Rejects an appeal with a reason. Rejecting an approved one during the show pulls it out of the running queue
/// (it stops at once if it is on air).
/// </summary>
[Requires(Permission.ManageAppeals)]
public sealed record RejectAppeal(int? ExpectedRevision, string? Reason) : IRequest<AppealQueueDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Guid AppealId { get; init; }
}

public sealed class RejectAppealValidator : AbstractValidator<RejectAppeal>
{
    public RejectAppealValidator()
    {
        RuleFor(r => r.ExpectedRevision).Revision();
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Say why the appeal is rejected ('reason').")
            .MaximumLength(Conference.Domain.Appeals.AppealLimits.ReasonMaxLength);
    }
}

public sealed class RejectAppealHandler(ConferenceDbContext db, ProgramChangeNotifier notifier) : IRequestHandler<RejectAppeal, AppealQueueDto>
{
    public async Task<AppealQueueDto> Handle(RejectAppeal request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var queue = await db.LoadAppealQueueAsync(request.ConferenceId, cancellationToken);
        queue.Reject(request.ExpectedRevision!.Value, request.AppealId, request.Reason!);
        return await db.CommitAppealsAsync(queue, program, notifier, cancellationToken);
    }
}
