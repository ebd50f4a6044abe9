using MediatR;

namespace Conference.Server.Features.Show;

/// <summary>
/// The REST mirror of the live hub, under <c>/api/conferences/{id}/show</c>. Each route sends the
/// same mediator request as its hub method; every command body carries <c>expectedRevision</c>.
/// </summary>
public static class ShowRoutes
{
    public static IEndpointRouteBuilder MapShowEndpoints(this IEndpointRouteBuilder conferences)
    {
        var show = conferences.MapGroup("/{id:guid}/show").WithTags("Live show");
        show.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetShowState(id), ct));
        show.MapGet("/timeline", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetShowTimeline(id), ct));
        show.MapPost("/start", (Guid id, StartShowRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/next", (Guid id, NextSegmentRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/goto", (Guid id, GoToSegmentRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/pause", (Guid id, PauseShowRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/resume", (Guid id, ResumeShowRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/adjust-time", (Guid id, AdjustTimeRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/skip", (Guid id, SkipSegmentRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/cue", (Guid id, ChangeCueRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/message", (Guid id, SendMessageRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/end", (Guid id, EndShowRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        show.MapPost("/reset", (Guid id, ResetShowRequest c, IMediator m, CancellationToken ct) => m.Send(c with { ConferenceId = id }, ct));
        return conferences;
    }
}
