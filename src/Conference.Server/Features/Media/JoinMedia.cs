using Conference.Domain;
using Conference.Domain.Media;
using Conference.Server.Identity;
using Conference.Server.Media;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Media;

/// <summary>
/// Where and with what the caller joins the call: the provider's URL, the room and a token that
/// carries the caller's rights at this moment (an attendee subscribes and sends reactions only;
/// a speaker may publish only during their speech; the director adjusts rights as the show moves).
/// </summary>
[Requires(Permission.JoinConference)]
public sealed record JoinMedia(Guid ConferenceId) : IRequest<MediaJoinTicket>, IConferenceRequest;

public sealed class JoinMediaHandler(ConferenceDbContext db, ICallerAccessor callers, MediaDirector director)
    : IRequestHandler<JoinMedia, MediaJoinTicket>
{
    public async Task<MediaJoinTicket> Handle(JoinMedia request, CancellationToken cancellationToken)
    {
        var caller = callers.Current;
        MediaMember member;
        if (caller.IsOrganizer)
        {
            if (!await db.Conferences.AnyAsync(c => c.Id == request.ConferenceId, cancellationToken))
            {
                throw new NotFoundException("conference", request.ConferenceId);
            }

            member = ShowMediaSituations.Organizer;
        }
        else
        {
            var participant = await db.Participants.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Id == caller.ParticipantId && p.ConferenceId == request.ConferenceId, cancellationToken)
                ?? throw new NotFoundException("participant", caller.ParticipantId!);
            member = ShowMediaSituations.MemberOf(participant);
        }

        return await director.IssueJoinTicketAsync(request.ConferenceId, member, cancellationToken);
    }
}

/// <summary>The conference's media status as the director last saw it.</summary>
[Requires(Permission.ViewMediaStatus)]
public sealed record GetMediaStatus(Guid ConferenceId) : IRequest<MediaStatus>, IConferenceRequest;

public sealed class GetMediaStatusHandler(MediaDirector director, MediaStatusBoard board)
    : IRequestHandler<GetMediaStatus, MediaStatus>
{
    /// <summary>A conference the director has not visited yet is reconciled now, so the answer is never a guess.</summary>
    public async Task<MediaStatus> Handle(GetMediaStatus request, CancellationToken cancellationToken) =>
        board.Get(request.ConferenceId) ?? await director.ReconcileAsync(request.ConferenceId, cancellationToken);
}
