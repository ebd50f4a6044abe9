using System.Text.Json.Serialization;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>Approves an appeal: it joins what its segment plays, and the segment's planned length grows by the video's.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record ApproveAppeal(int? ExpectedRevision) : IRequest<AppealQueueDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Guid AppealId { get; init; }
}

public sealed class ApproveAppealValidator : AbstractValidator<ApproveAppeal>
{
    public ApproveAppealValidator()
    {
        RuleFor(r => r.ExpectedRevision).Revision();

    }
}

public sealed class ApproveAppealHandler(ConferenceDbContext db, ProgramChangeNotifier notifier) : IRequestHandler<ApproveAppeal, AppealQueueDto>
{
    public async Task<AppealQueueDto> Handle(ApproveAppeal request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var queue = await db.LoadAppealQueueAsync(request.ConferenceId, cancellationToken);
        queue.Approve(request.ExpectedRevision!.Value, request.AppealId);
        return await db.CommitAppealsAsync(queue, program, notifier, cancellationToken);
    }
}
