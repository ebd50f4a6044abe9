using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Features.Show;

/// <summary>
/// The REST mirror of the live hub, under <c>/api/conferences/{id}/show</c>. Each route sends the
/// same mediator request as its hub method; every command body carries <c>expectedRevision</c>.
/// </summary>
public static class ShowEndpoints
{
    public static void MapShowEndpoints(this RouteGroupBuilder conferences)
    {
        var show = conferences.MapGroup("/{id:guid}/show").WithTags("Live show");
        show.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetShowState(id), ct))
            .WithName(nameof(GetShowState)).ProducesAccessProblems().ProducesNotFound();
        show.MapGet("/timeline", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetShowTimeline(id), ct))
            .WithName(nameof(GetShowTimeline)).ProducesAccessProblems().ProducesNotFound();
        MapCommand<StartShow>(show, "/start");
        MapCommand<NextSegment>(show, "/next");
        MapCommand<GoToSegment>(show, "/goto");
        MapCommand<PauseShow>(show, "/pause");
        MapCommand<ResumeShow>(show, "/resume");
        MapCommand<AdjustTime>(show, "/adjust-time");
        MapCommand<SkipSegment>(show, "/skip");
        MapCommand<ChangeCue>(show, "/cue");
        MapCommand<SendMessage>(show, "/message");
        MapCommand<EndShow>(show, "/end");
        MapCommand<ResetShow>(show, "/reset");
    }

    private static void MapCommand<T>(RouteGroupBuilder show, string pattern)
        where T : ShowRequest =>
        show.MapPost(pattern, (Guid id, T command, IMediator m, CancellationToken ct) => m.Send(command with { ConferenceId = id }, ct))
            .WithName(typeof(T).Name).ProducesAccessProblems().ProducesBodyProblems().ProducesNotFound().ProducesConflict();
}
