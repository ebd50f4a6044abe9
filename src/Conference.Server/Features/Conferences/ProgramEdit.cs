using System.Text.Json.Serialization;
using Conference.Server.Identity;
using MediatR;

namespace Conference.Server.Features.Conferences;

/// <summary>
/// A change to a conference's program: the conference comes from the route, only the organizer may
/// make it, and once saved the live side hears of it (<see cref="ProgramChangeBehavior{TRequest, TResponse}"/>).
/// </summary>
[Requires(Permission.ManagePrograms)]
public abstract record ProgramEdit : IRequest<ConferenceDto>, IConferenceRequest, IEditsProgram
{
    /// <summary>Taken from the route, never from the body.</summary>
    [JsonIgnore]
    public Guid ConferenceId { get; init; }
}
