using System.Text.Json.Serialization;
using Conference.Domain;
using Conference.Domain.Awards;
using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Awards;

public sealed record RecipientDto(Guid ParticipantId, int Position, string Name, string Country, string? Citation, Uri? PhotoUrl)
{
    public static RecipientDto From(AwardRecipient r) => new(r.ParticipantId, r.Position, r.Name, r.Country, r.Citation, r.PhotoUrl);
}

/// <summary>An award and its recipients in call-up order (<c>position</c> n is called at cue n of the segment).</summary>
public sealed record AwardDto(
    Guid Id, Guid ConferenceId, Guid SegmentId, string Name, string? Description, int Revision, IReadOnlyList<RecipientDto> Recipients)
{
    public static AwardDto From(Award a) =>
        new(a.Id, a.ConferenceId, a.SegmentId, a.Name, a.Description, a.Revision, [.. a.Recipients.Select(RecipientDto.From)]);
}

/// <summary>
/// A change to an award list: the conference and award come from the route; only the organizer
/// prepares the lists (they decide who is honoured), like the program itself.
/// </summary>
[Requires(Permission.ManagePrograms)]
public abstract record AwardEdit : IRequest<AwardDto>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Guid AwardId { get; init; }
}

public static class AwardLookup
{
    /// <summary>An award of this conference only, tracked for an edit; 404 for an award of another conference.</summary>
    public static async Task<Award> LoadAwardAsync(this ConferenceDbContext db, Guid conferenceId, Guid awardId, CancellationToken cancellationToken) =>
        await db.Awards.SingleOrDefaultAsync(a => a.Id == awardId && a.ConferenceId == conferenceId, cancellationToken)
        ?? throw new NotFoundException("award", awardId);

    /// <summary>The award list of a segment, if one was prepared.</summary>
    public static Task<Award?> AwardOfSegmentAsync(this ConferenceDbContext db, Guid conferenceId, Guid segmentId, CancellationToken cancellationToken) =>
        db.Awards.AsNoTracking().SingleOrDefaultAsync(a => a.ConferenceId == conferenceId && a.SegmentId == segmentId, cancellationToken);

    /// <summary>Saves an edit; a concurrent edit of the same revision loses with 409.</summary>
    public static async Task<AwardDto> SaveAwardAsync(this ConferenceDbContext db, Award award, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        return AwardDto.From(award);
    }
}
