using System.Collections.Concurrent;
using System.Globalization;
using Conference.Domain.Participants;
using Conference.Server.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Conference.Server.Live;

/// <summary>
/// The open hub connections of participants' sessions on this node, so that a session's end reaches its
/// connection at once: revoking the link, deleting the person or the conference, or the token expiring closes
/// it (the server aborts it after telling the client why), and taking a role away takes the connection out of
/// that role's group, so it receives no more host messages or media status. Closing a connection runs the
/// hub's disconnect, which records the person leaving in attendance.
/// </summary>
public sealed partial class LiveSessions(IHubContext<ConferenceHub, IConferenceClient> hub, TimeProvider time, ILogger<LiveSessions> logger)
    : IDisposable
{
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>How long a connection whose session ended has to close by itself before the server cuts it.</summary>
    public static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    /// <summary>Open session connections on this node.</summary>
    public int Count => _sessions.Count;

    /// <summary>Starts tracking a participant's connection (the organizer key and anonymous watchers have no session to end).</summary>
    public void Track(HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (!SessionValidity.IsSession(user)
            || !Guid.TryParse(user!.FindFirst(SessionClaims.Participant)?.Value, out var participantId)
            || !Guid.TryParse(user.FindFirst(SessionClaims.Invitation)?.Value, out var invitationId)
            || !Guid.TryParse(user.FindFirst(SessionClaims.Conference)?.Value, out var conferenceId))
        {
            return;
        }

        var session = new Session(context, conferenceId, participantId, invitationId);
        if (long.TryParse(user.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp))
        {
            var due = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(exp, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds())) - time.GetUtcNow();
            session.Expiry = time.CreateTimer(
                _ => _ = EndAsync(s => s.Context.ConnectionId == context.ConnectionId, "The session has expired. Open your invitation link again."),
                null, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        _sessions[context.ConnectionId] = session;
    }

    /// <summary>The connection closed, for whatever reason.</summary>
    public void Forget(string connectionId)
    {
        if (_sessions.TryRemove(connectionId, out var session))
        {
            session.Expiry?.Dispose();
        }
    }

    public Task<int> EndParticipantAsync(Guid participantId, string reason) => EndAsync(s => s.ParticipantId == participantId, reason);

    public Task<int> EndInvitationAsync(Guid invitationId, string reason) => EndAsync(s => s.InvitationId == invitationId, reason);

    public Task<int> EndConferenceAsync(Guid conferenceId, string reason) => EndAsync(s => s.ConferenceId == conferenceId, reason);

    /// <summary>
    /// The participant now holds only <paramref name="roles"/>: their connections leave the groups of every
    /// other role at once. (A role added needs a new session token, so nothing is joined here.)
    /// </summary>
    public async Task NarrowRolesAsync(Guid participantId, ParticipantRoles roles)
    {
        foreach (var session in _sessions.Values.Where(s => s.ParticipantId == participantId))
        {
            foreach (var role in RoleNames.All.Where(r => (roles & r) == ParticipantRoles.None))
            {
                await hub.Groups.RemoveFromGroupAsync(session.Context.ConnectionId, LiveGroups.Role(session.ConferenceId, RoleNames.Name(role)));
            }
        }
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Expiry?.Dispose();
        }
    }

    private async Task<int> EndAsync(Func<Session, bool> which, string reason)
    {
        var ended = 0;
        foreach (var session in _sessions.Values.Where(which).ToList())
        {
            if (!_sessions.TryRemove(session.Context.ConnectionId, out _))
            {
                continue;
            }

            session.Expiry?.Dispose();
            Ending(logger, session.Context.ConnectionId, session.ParticipantId, reason);
            var groups = RoleNames.All.Select(r => LiveGroups.Role(session.ConferenceId, RoleNames.Name(r)))
                .Append(LiveGroups.Conference(session.ConferenceId));
            foreach (var group in groups)
            {
                await hub.Groups.RemoveFromGroupAsync(session.Context.ConnectionId, group);
            }

            try
            {
                // The reason first, so the client knows why and does not reconnect with the same token.
                await hub.Clients.Client(session.Context.ConnectionId).SessionEnded(reason);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The connection is already going; closing it is all that matters.
            }

            _ = CloseAsync(session.Context);
            ended++;
        }

        return ended;
    }

    /// <summary>
    /// Aborting at once would often drop the reason still on its way out; a client that read it closes by itself,
    /// and one that ignores it is cut off after <see cref="CloseGrace"/> all the same. Either way it is out of every
    /// group already: the hub filter refuses its calls and no broadcast reaches it.
    /// </summary>
    private async Task CloseAsync(HubCallerContext context)
    {
        try
        {
            await Task.Delay(CloseGrace, time, context.ConnectionAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        context.Abort();
    }

    private sealed class Session(HubCallerContext context, Guid conferenceId, Guid participantId, Guid invitationId)
    {
        public HubCallerContext Context { get; } = context;
        public Guid ConferenceId { get; } = conferenceId;
        public Guid ParticipantId { get; } = participantId;
        public Guid InvitationId { get; } = invitationId;
        public ITimer? Expiry { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing live connection {ConnectionId} of participant {ParticipantId}: {Reason}")]
    private static partial void Ending(ILogger logger, string connectionId, Guid participantId, string reason);
}
