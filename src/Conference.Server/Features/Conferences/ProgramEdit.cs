using System.Text.Json.Serialization;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Conferences;

/// <summary>
/// A change to a conference's program: the conference comes from the route, only the organizer may
/// make it, and once saved the live side hears of it (<see cref="ProgramChangeBehavior{TRequest, TResponse}"/>).
/// </summary>
public abstract record ProgramEdit : IRequest<ConferenceDto>, IAuthorizedRequest, IEditsProgram
{
    /// <summary>Taken from the route, never from the body.</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    [JsonIgnore]
    public Permission RequiredPermission => Permission.ManagePrograms;

    [JsonIgnore]
    public Guid? ConferenceId => Id;
}
