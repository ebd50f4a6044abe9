using System.Text.Json.Serialization;
using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Show;

/// <summary>
/// A host's command to the live show, as the REST body and the hub method both send it. The
/// conference comes from the route (or the hub argument), never from the body.
/// </summary>
public abstract record ShowRequest(int? ExpectedRevision) : IRequest<LiveShowState>, IAuthorizedRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    [JsonIgnore]
    public Permission RequiredPermission => Permission.DriveShow;

    Guid? IAuthorizedRequest.ConferenceId => ConferenceId;

    /// <summary>The engine command; called only after validation, so required fields are present.</summary>
    public abstract ShowCommand ToCommand();
}

/// <summary>Rules every show command shares: the revision it is based on. A show starts at revision 0.</summary>
public abstract class ShowRequestValidator<T> : AbstractValidator<T>
    where T : ShowRequest
{
    protected ShowRequestValidator() =>
        RuleFor(r => r.ExpectedRevision)
            .NotNull().WithMessage("Send the show revision your command is based on ('expectedRevision').")
            .GreaterThanOrEqualTo(0).WithMessage("'expectedRevision' of a show starts at 0.");
}

/// <summary>Every show command is handled the same way: by the conference's single writer.</summary>
public abstract class ShowRequestHandler<T>(ShowCoordinator coordinator) : IRequestHandler<T, LiveShowState>
    where T : ShowRequest
{
    public Task<LiveShowState> Handle(T request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return coordinator.ExecuteAsync(request.ConferenceId, request.ToCommand(), cancellationToken);
    }
}
