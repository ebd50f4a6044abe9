using Conference.Server.Identity;
using Conference.Server.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Conference.Server.Features.Conferences;

/// <summary>The conference and its program; public, but segment notes only for those who run it (organizer, hosts, speakers).</summary>
[AllowAnonymousRequest]
public sealed record GetConference(Guid ConferenceId) : IRequest<ConferenceDto>, IConferenceRequest;

public sealed class GetConferenceHandler(ConferenceDbContext db, ICallerAccessor callers) : IRequestHandler<GetConference, ConferenceDto>
{
    public async Task<ConferenceDto> Handle(GetConference request, CancellationToken cancellationToken)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var conference = ConferenceDto.From(await db.LoadAsync(request.ConferenceId, cancellationToken));
        return AccessPolicy.Allows(callers.Current, Permission.ViewSegmentNotes, request.ConferenceId) ? conference : conference.WithoutNotes();
    }
}
