using Conference.Domain.Awards;
using Conference.Domain.Participants;
using Conference.Server.Cluster;
using Conference.Server.Features.Attendance;
using Conference.Server.Features.Awards;
using Conference.Server.Features.Show;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using MessageAudience = Conference.Domain.Show.MessageAudience;

namespace Conference.Server.Live;

/// <summary>
/// The live channel at <c>/hubs/conference</c>. Methods are thin: each sends the same mediator
/// request as its REST mirror, so authorization and validation happen once, in the pipeline, and
/// <see cref="LiveHubFilter"/> turns failures into the same messages as the HTTP problem details.
/// </summary>
public sealed partial class ConferenceHub(
    IMediator mediator, ICallerAccessor callers, IAttendanceLog attendance, LiveSessions sessions, ClusterMembership cluster, TimeProvider time,
    IEnumerable<IConferenceJoinObserver> joinObservers, ILogger<ConferenceHub> logger)
    : Hub<IConferenceClient>, IConferenceHub
{
    private const string JoinedKey = "joined-conferences";

    /// <summary>Joins the conference's group and the caller's role groups, and returns a fresh snapshot.</summary>
    public async Task<ShowSnapshot> JoinConference(Guid conferenceId)
    {
        var snapshot = await mediator.Send(new JoinConference(conferenceId), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Conference(conferenceId));
        var caller = callers.Current;
        foreach (var group in LiveGroups.RolesOf(caller, conferenceId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        // Participants count as present while connected; the organizer key is nobody's attendance.
        var first = JoinedConferences().Add(conferenceId);
        if (first)
        {
            ServerTelemetry.Joined(conferenceId);
        }

        if (first && caller.ParticipantId is { } participantId)
        {
            await attendance.RecordJoinAsync(conferenceId, participantId, StayKey, AttendanceSource.Hub, Context.ConnectionAborted);
        }

        foreach (var observer in joinObservers)
        {
            await observer.JoinedAsync(snapshot, Clients.Caller, Context.ConnectionAborted);
        }

        return snapshot;
    }

    /// <summary>NTP-style sample: the client's send instant comes back with the server's clock.</summary>
    public Task<ClockSample> SyncClock(long clientSendTicks) => Task.FromResult(new ClockSample(clientSendTicks, time.GetUtcNow().UtcTicks));

    public Task<LiveShowState> Start(Guid conferenceId, int expectedRevision) =>
        Send(new StartShow(expectedRevision) { ConferenceId = conferenceId });

    public Task<LiveShowState> Next(Guid conferenceId, int expectedRevision) =>
        Send(new NextSegment(expectedRevision) { ConferenceId = conferenceId });

    public Task<LiveShowState> GoTo(Guid conferenceId, int expectedRevision, Guid segmentId) =>
        Send(new GoToSegment(expectedRevision, segmentId) { ConferenceId = conferenceId });

    public Task<LiveShowState> Pause(Guid conferenceId, int expectedRevision) =>
        Send(new PauseShow(expectedRevision) { ConferenceId = conferenceId });

    public Task<LiveShowState> Resume(Guid conferenceId, int expectedRevision) =>
        Send(new ResumeShow(expectedRevision) { ConferenceId = conferenceId });

    /// <summary>Adds (positive) or takes (negative) whole seconds on the running segment.</summary>
    public Task<LiveShowState> AdjustTime(Guid conferenceId, int expectedRevision, int deltaSeconds) =>
        Send(new AdjustTime(expectedRevision, deltaSeconds) { ConferenceId = conferenceId });

    public Task<LiveShowState> Skip(Guid conferenceId, int expectedRevision, Guid segmentId) =>
        Send(new SkipSegment(expectedRevision, segmentId) { ConferenceId = conferenceId });

    public Task<LiveShowState> End(Guid conferenceId, int expectedRevision) =>
        Send(new EndShow(expectedRevision) { ConferenceId = conferenceId });

    /// <summary>Back to "not started" after a rehearsal; what ran is kept as a rehearsal.</summary>
    public Task<LiveShowState> Reset(Guid conferenceId, int expectedRevision) =>
        Send(new ResetShow(expectedRevision) { ConferenceId = conferenceId });

    public Task<LiveShowState> AdvanceCue(Guid conferenceId, int expectedRevision) =>
        Send(new ChangeCue(expectedRevision, null) { ConferenceId = conferenceId });

    public Task<LiveShowState> SetCue(Guid conferenceId, int expectedRevision, int cueIndex) =>
        Send(new ChangeCue(expectedRevision, cueIndex) { ConferenceId = conferenceId });

    public Task<LiveShowState> SendMessage(Guid conferenceId, int expectedRevision, MessageAudience audience, string text) =>
        Send(new SendMessage(expectedRevision, audience, text) { ConferenceId = conferenceId });

    /// <summary>The producer or host marks a called award recipient; returns the award's tally (also pushed to the crew).</summary>
    public Task<AwardTally> MarkAwardee(Guid conferenceId, Guid awardId, Guid participantId, AwardOutcome outcome) =>
        mediator.Send(new MarkRecipient(participantId, outcome) { ConferenceId = conferenceId, AwardId = awardId }, Context.ConnectionAborted);

    /// <summary>A connection opened; it counts as attendance once it joins a conference.</summary>
    public override Task OnConnectedAsync()
    {
        Connected(logger, Context.ConnectionId, Context.User?.Identity?.IsAuthenticated == true);
        sessions.Track(Context);
        return base.OnConnectedAsync();
    }

    /// <summary>The connection left every conference it had joined: their attendance stays close now.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Forget(Context.ConnectionId);
        foreach (var conferenceId in JoinedConferences())
        {
            Left(logger, Context.ConnectionId, conferenceId);
            ServerTelemetry.Left(conferenceId);
            await attendance.RecordLeaveAsync(conferenceId, StayKey, AttendanceSource.Hub, CancellationToken.None);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private string StayKey => HubStays.ConnectionKey(cluster.NodeId, Context.ConnectionId);

    private Task<LiveShowState> Send(ShowRequest request) => mediator.Send(request, Context.ConnectionAborted);

    private HashSet<Guid> JoinedConferences()
    {
        if (Context.Items.TryGetValue(JoinedKey, out var value) && value is HashSet<Guid> joined)
        {
            return joined;
        }

        joined = [];
        Context.Items[JoinedKey] = joined;
        return joined;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live connection {ConnectionId} opened (authenticated: {Authenticated})")]
    private static partial void Connected(ILogger logger, string connectionId, bool authenticated);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live connection {ConnectionId} left conference {ConferenceId}")]
    private static partial void Left(ILogger logger, string connectionId, Guid conferenceId);
}
