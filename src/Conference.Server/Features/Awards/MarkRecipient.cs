using System.Text.Json.Serialization;
using Conference.Domain;
using Conference.Domain.Awards;
using Conference.Domain.Participants;
using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Features.Awards;

/// <summary>
/// The producer or host marks a called recipient presented, absent or deferred (a deferred one is
/// called again later by setting the cue back to them, and marked again). Marks are appended to a
/// durable log once the show has started; the answer is the award's tally, also pushed to the crew.
/// </summary>
[Requires(Permission.ManageAppeals)]
public sealed record MarkRecipient(Guid? ParticipantId, AwardOutcome? Outcome) : IRequest<AwardTally>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Guid AwardId { get; init; }
}

public sealed class MarkRecipientValidator : AbstractValidator<MarkRecipient>
{
    public MarkRecipientValidator()
    {
        RuleFor(m => m.ParticipantId).NotNull().WithMessage("Name the recipient ('participantId').");
        RuleFor(m => m.Outcome).NotNull().WithMessage("Mark the recipient 'presented', 'absent' or 'deferred' ('outcome').").IsInEnum();
    }
}

public sealed class MarkRecipientHandler(
    ConferenceDbContext db, ShowCoordinator coordinator, TimeProvider time, IHubContext<ConferenceHub, IConferenceClient> hub)
    : IRequestHandler<MarkRecipient, AwardTally>
{
    public async Task<AwardTally> Handle(MarkRecipient request, CancellationToken cancellationToken)
    {
        var award = await db.LoadAwardAsync(request.ConferenceId, request.AwardId, cancellationToken);
        var (_, _, state) = await coordinator.ReadAsync(db, request.ConferenceId, cancellationToken);
        if (state.Status == ShowStatus.NotStarted)
        {
            throw new DomainException("The show has not started; recipients are marked during the ceremony.");
        }

        db.AwardMarks.Add(AwardMark.Record(
            Guid.NewGuid(), award, request.ParticipantId!.Value, request.Outcome!.Value, state.Revision, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);

        var tally = await AwardTallies.ComputeAsync(db, award, cancellationToken);
        var notice = new AwardTallyNotice(request.ConferenceId, tally);
        var producers = LiveGroups.Role(request.ConferenceId, RoleNames.Name(ParticipantRoles.Producer));
        await hub.Clients.Groups(LiveGroups.Role(request.ConferenceId, LiveGroups.HostRole), producers).AwardTallyChanged(notice);
        return tally;
    }
}
