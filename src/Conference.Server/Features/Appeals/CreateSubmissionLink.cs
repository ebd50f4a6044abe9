using System.Text.Json.Serialization;
using Conference.Domain.Appeals;
using Conference.Server.Features.Conferences;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using Conference.Server.Persistence;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>A new submission link as the producer receives it. The token is shown this once and never again (only its hash is kept).</summary>
public sealed record SubmissionLinkIssued(Guid Id, Guid SegmentId, string Label, DateTimeOffset Deadline, string Token);

/// <summary>A submission link as producers see it later: its state, never its token.</summary>
public sealed record SubmissionLinkDto(
    Guid Id, Guid SegmentId, string Label, SubmissionLinkStatus Status, DateTimeOffset CreatedAt, DateTimeOffset Deadline,
    DateTimeOffset? RevokedAt, Guid? AppealId, DateTimeOffset? LastSubmittedAt, int SubmissionCount)
{
    public static SubmissionLinkDto From(SubmissionLink l, DateTimeOffset now) =>
        new(l.Id, l.SegmentId, l.Label, l.StatusAt(now), l.CreatedAt, l.Deadline, l.RevokedAt, l.AppealId, l.LastSubmittedAt, l.SubmissionCount);
}

/// <summary>
/// A producer makes a personal link for a contributor without an account: whoever holds its token may upload
/// one appeal into the named segment (and replace it) until the deadline.
/// </summary>
[Requires(Permission.ManageAppeals)]
public sealed record CreateSubmissionLink(Guid? SegmentId, string? Label, DateTimeOffset? Deadline)
    : IRequest<SubmissionLinkIssued>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}

public sealed class CreateSubmissionLinkValidator : AbstractValidator<CreateSubmissionLink>
{
    public CreateSubmissionLinkValidator()
    {
        RuleFor(r => r.SegmentId).NotNull().WithMessage("Name the video-appeals segment the contributor's appeal goes to ('segmentId').");
        RuleFor(r => r.Label).NotEmpty().WithMessage("Say who the link is for ('label'), to tell the links apart.")
            .MaximumLength(SubmissionLink.LabelMaxLength);
        RuleFor(r => r.Deadline).NotNull().WithMessage("Give the deadline until which the link takes uploads ('deadline').").PlannableInstant();
    }
}

public sealed class CreateSubmissionLinkHandler(ConferenceDbContext db, TimeProvider time) : IRequestHandler<CreateSubmissionLink, SubmissionLinkIssued>
{
    public async Task<SubmissionLinkIssued> Handle(CreateSubmissionLink request, CancellationToken cancellationToken)
    {
        var program = await db.LoadAsync(request.ConferenceId, cancellationToken);
        AppealAdmission.EnsureAppealsSegment(program.Find(request.SegmentId!.Value));
        var token = SessionTokens.NewInvitationCode();
        var link = SubmissionLink.Create(
            Guid.NewGuid(), program.Id, request.SegmentId.Value, request.Label!, SessionTokens.HashInvitationCode(token), time.GetUtcNow(),
            request.Deadline!.Value);
        db.SubmissionLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return new SubmissionLinkIssued(link.Id, link.SegmentId, link.Label, link.Deadline, token);
    }
}
