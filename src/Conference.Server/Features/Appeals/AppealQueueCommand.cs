using System.Text.Json.Serialization;
using Conference.Domain.Show;
using Conference.Server.Identity;
using Conference.Server.Live;
using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Appeals;

/// <summary>
/// A producer's (or host's) move of the appeals queue on air. It is a show command like Next, so it goes
/// through the conference's single writer and names the show revision it was based on.
/// </summary>
public abstract record AppealQueueCommand(int? ExpectedRevision) : IRequest<LiveShowState>, IConferenceRequest
{
    [JsonIgnore]
    public Guid ConferenceId { get; init; }

    public abstract ShowCommand ToCommand();
}

public abstract class AppealQueueCommandValidator<T> : AbstractValidator<T>
    where T : AppealQueueCommand
{
    protected AppealQueueCommandValidator() =>
        RuleFor(r => r.ExpectedRevision)
            .NotNull().WithMessage("Send the show revision your command is based on ('expectedRevision').")
            .GreaterThanOrEqualTo(0).WithMessage("'expectedRevision' of a show starts at 0.");
}

public abstract class AppealQueueCommandHandler<T>(ShowCoordinator coordinator) : IRequestHandler<T, LiveShowState>
    where T : AppealQueueCommand
{
    public Task<LiveShowState> Handle(T request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return coordinator.ExecuteAsync(request.ConferenceId, request.ToCommand(), cancellationToken);
    }
}
