using System.Text.Json.Serialization;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>Changes what is told about an appeal (sender, country, language, title, message); the video stays.</summary>
[Requires(Permission.ManageAppeals)]
public sealed record UpdateAppeal(int? ExpectedRevision, Conference.Domain.Appeals.SenderKind? SenderKind, string? SenderName, string? Country,
    string? Language, string? Title, string? Message) : IRequest<AppealQueueDto>, IConferenceRequest, IAppealDetails
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Guid AppealId { get; init; }
}

public sealed class UpdateAppealValidator : AbstractValidator<UpdateAppeal>
{
    public UpdateAppealValidator()
    {
        RuleFor(r => r.ExpectedRevision).Revision();
        Include(new AppealDetailsValidator());
    }
}

public sealed class UpdateAppealHandler(ConferenceDbContext db, ProgramChangeNotifier notifier) : IRequestHandler<UpdateAppeal, AppealQueueDto>
{
    public async Task<AppealQueueDto> Handle(UpdateAppeal request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        var queue = await db.LoadAppealQueueAsync(request.ConferenceId, cancellationToken);
        queue.Update(request.ExpectedRevision!.Value, request.AppealId, request.ToDraft());
        return await db.CommitAppealsAsync(queue, program, notifier, cancellationToken);
    }
}
