using Conference.Domain.Programs;
using Conference.Server.Identity;
using Conference.Server.Live;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Awards;

/// <summary>
/// Whom the running awards ceremony calls now, as the last <c>AwardeeCalled</c> said: for a client
/// that joins or reconnects in the middle of the ceremony and must show the caption. Null (204)
/// when no ceremony runs or its cue is past the list.
/// </summary>
[Requires(Permission.ViewShow)]
public sealed record GetCurrentAwardee(Guid ConferenceId) : IRequest<AwardeeCall?>, IConferenceRequest;

public sealed class GetCurrentAwardeeHandler(ConferenceDbContext db, ShowCoordinator coordinator) : IRequestHandler<GetCurrentAwardee, AwardeeCall?>
{
    private static readonly string[] CueMoves = ["cueAdvanced", "segmentStarted"];

    public async Task<AwardeeCall?> Handle(GetCurrentAwardee request, CancellationToken cancellationToken)
    {
        var (_, program, state) = await coordinator.ReadAsync(db, request.ConferenceId, cancellationToken);
        if (state.CurrentSegmentId is not { } segmentId
            || program.Find(segmentId) is not { Kind: SegmentKind.AwardsCeremony }
            || await db.AwardOfSegmentAsync(request.ConferenceId, segmentId, cancellationToken) is not { } award
            || award.AtCue(state.CueIndex) is not { } recipient)
        {
            return null;
        }

        // The event that put the cue where it is: its instant and revision are those the call was announced with.
        var moved = await db.ShowEvents.AsNoTracking()
            .Where(e => e.ConferenceId == request.ConferenceId && e.Revision <= state.Revision && CueMoves.Contains(e.Type))
            .OrderByDescending(e => e.Revision)
            .Select(e => new { e.At, e.Revision })
            .FirstAsync(cancellationToken);
        return AwardCallUp.CallOf(award, state.CueIndex, recipient, moved.At, moved.Revision);
    }
}
