using System.Text.Json.Serialization;
using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Show;

/// <summary>
/// A command to the live show, as the REST body and the hub method both send it. The
/// conference comes from the route (or the hub argument), never from the body.
/// </summary>
/// <remarks>
/// A subtype holds only its fields, its engine command and (when it has more rules than the revision) its validator:
/// <see cref="ShowCommandHandler{T}"/> and <see cref="ShowRevisionValidator{T}"/> serve every subtype, registered once
/// by <see cref="ShowSetup.AddShowFeature"/>. Hosts drive the show (<see cref="Permission.DriveShow"/>); a subtype of another
/// feature declares its own permission (the appeal queue's moves: <see cref="Permission.ManageAppeals"/>).
/// </remarks>
[Requires(Permission.DriveShow)]
public abstract record ShowRequest(int? ExpectedRevision) : IRequest<LiveShowState>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    /// <summary>The engine command; called only after validation, so required fields are present.</summary>
    public abstract ShowCommand ToCommand();
}

/// <summary>The rule every show command shares: the revision it is based on. A show starts at revision 0.</summary>
public sealed class ShowRevisionValidator<T> : AbstractValidator<T>
    where T : ShowRequest
{
    public ShowRevisionValidator() =>
        RuleFor(r => r.ExpectedRevision)
            .NotNull().WithMessage("Send the show revision your command is based on ('expectedRevision').")
            .GreaterThanOrEqualTo(0).WithMessage("'expectedRevision' of a show starts at 0.");
}

/// <summary>Every show command is handled the same way: by the conference's single writer.</summary>
public sealed class ShowCommandHandler<T>(ShowCoordinator coordinator) : IRequestHandler<T, LiveShowState>
    where T : ShowRequest
{
    public Task<LiveShowState> Handle(T request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return coordinator.ExecuteAsync(request.ConferenceId, request.ToCommand(), cancellationToken);
    }
}
