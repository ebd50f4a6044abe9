using Conference.Domain.Media;
using Conference.Domain.Programs;
using Conference.Domain.Show;
using Conference.Server.Media;

namespace Conference.Server.Tests.Media;

/// <summary>A show the test drives by hand, offered to the director as its situation.</summary>
internal sealed class ScriptedShow : IMediaSituationSource
{
    public static readonly DateTimeOffset Start = new(2026, 12, 31, 11, 0, 0, TimeSpan.Zero);

    public ScriptedShow(params MediaMember[] members)
        : this(ConferenceProgram.Create(Guid.NewGuid(), new ConferenceDetails("Ceremony", null, Start, "Asia/Baku", ["az"])), members)
    {
        Add(new SegmentDraft(SegmentKind.Anthem, "Anthem", Media: new MediaAsset(new Uri("https://media.example.org/anthem.mp4"), TimeSpan.FromSeconds(120))));
        Add(new SegmentDraft(SegmentKind.MinuteOfSilence, "Silence"));
        Add(new SegmentDraft(SegmentKind.Speech, "Address", TimeSpan.FromMinutes(15), Speaker: new Speaker("Fuad Muradov", null, "AZ")));
    }

    /// <summary>A show of a given program (the demo conference, say).</summary>
    public ScriptedShow(ConferenceProgram program, params MediaMember[] members)
    {
        Program = program;
        Members = members.ToDictionary(m => m.Identity);
    }

    public ConferenceProgram Program { get; }
    public ShowState State { get; private set; } = ShowState.Initial;
    public Dictionary<string, MediaMember> Members { get; }
    public Guid ConferenceId => Program.Id;
    public string Room => MediaRooms.For(Program.Id);

    public void Do(Func<int, ShowCommand> command, double atSeconds)
    {
        foreach (var @event in RunOfShow.Decide(State, command(State.Revision), ShowProgram.From(Program), Start.AddSeconds(atSeconds)))
        {
            State = RunOfShow.Apply(State, @event);
        }
    }

    /// <summary>Resolves the running speech's speaker among the members by name and country, as the server does from its roster.</summary>
    public Task<MediaShow?> GetShowAsync(Guid conferenceId, CancellationToken cancellationToken) =>
        Task.FromResult<MediaShow?>(conferenceId == Program.Id ? new MediaShow(State, Program, SpeakerIdentity: SpeakerIdentity()) : null);

    private string? SpeakerIdentity()
    {
        var speaker = State.CurrentSegmentId is { } id ? Program.Segments.FirstOrDefault(s => s.Id == id)?.Speaker : null;
        return speaker is null ? null : Members.Values.FirstOrDefault(m => m.DisplayName == speaker.Name && m.Country == speaker.Country)?.Identity;
    }

    public Task<IReadOnlyDictionary<string, MediaMember>> GetMembersAsync(
        Guid conferenceId, IReadOnlyCollection<string> identities, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, MediaMember>>(
            Members.Where(m => conferenceId == Program.Id && identities.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value));

    private void Add(SegmentDraft draft) => Program.AddSegment(Program.Revision, Guid.NewGuid(), draft);
}

/// <summary>Wraps a provider and fails the next calls on demand, as a slow or broken media server would.</summary>
internal sealed class FlakyProvider(IMediaProvider inner) : IMediaProvider
{
    public int FailNext { get; set; }
    public bool Down { get; set; }

    /// <summary>Identities whose updates fail (permanently, not transiently), as a participant the server refuses to change.</summary>
    public HashSet<string> Refusing { get; } = [];

    /// <summary>Starts of recordings and playouts succeed on the provider but their answer is lost (a timeout).</summary>
    public bool LoseStartAnswers { get; set; }

    public List<string> Calls { get; } = [];

    public string Name => inner.Name;

    public Task EnsureRoomAsync(string room, CancellationToken cancellationToken) => Run(nameof(EnsureRoomAsync), () => inner.EnsureRoomAsync(room, cancellationToken));

    public MediaJoinTicket IssueJoinTicket(string room, MediaMember member, PublishRights rights, TimeSpan lifetime) =>
        inner.IssueJoinTicket(room, member, rights, lifetime);

    /// <summary>When set, listing participants waits for it: a slow media server, to see what else runs meanwhile.</summary>
    public Task? HoldListing { get; set; }

    public Task<IReadOnlyList<MediaParticipant>> ListParticipantsAsync(string room, CancellationToken cancellationToken) =>
        Run(nameof(ListParticipantsAsync), async () =>
        {
            if (HoldListing is { } hold)
            {
                await hold;
            }

            return await inner.ListParticipantsAsync(room, cancellationToken);
        });

    public Task SetRightsAsync(string room, MediaParticipant participant, PublishRights rights, CancellationToken cancellationToken) =>
        Run($"{nameof(SetRightsAsync)}:{participant.Identity}", () => Refusing.Contains(participant.Identity)
            ? throw new MediaProviderException($"LiveKit: invalid_argument: {participant.Identity} refused", transient: false)
            : inner.SetRightsAsync(room, participant, rights, cancellationToken));

    public Task MuteTrackAsync(string room, string identity, string trackId, CancellationToken cancellationToken) =>
        Run($"{nameof(MuteTrackAsync)}:{identity}", () => inner.MuteTrackAsync(room, identity, trackId, cancellationToken));

    public Task<IReadOnlyList<MediaPlayout>> ListPlayoutsAsync(string room, CancellationToken cancellationToken) =>
        Run(nameof(ListPlayoutsAsync), () => inner.ListPlayoutsAsync(room, cancellationToken));

    public Task<string> StartPlayoutAsync(string room, Playout playout, CancellationToken cancellationToken) =>
        Run(nameof(StartPlayoutAsync), async () => LostAnswer(await inner.StartPlayoutAsync(room, playout, cancellationToken)));

    public Task StopPlayoutAsync(string room, string playoutId, CancellationToken cancellationToken) =>
        Run(nameof(StopPlayoutAsync), () => inner.StopPlayoutAsync(room, playoutId, cancellationToken));

    public Task<IReadOnlyList<MediaRecording>> ListRecordingsAsync(string room, CancellationToken cancellationToken) =>
        Run(nameof(ListRecordingsAsync), () => inner.ListRecordingsAsync(room, cancellationToken));

    public Task<string> StartRecordingAsync(string room, CancellationToken cancellationToken) =>
        Run(nameof(StartRecordingAsync), async () => LostAnswer(await inner.StartRecordingAsync(room, cancellationToken)));

    private string LostAnswer(string id)
    {
        if (LoseStartAnswers)
        {
            LoseStartAnswers = false;
            throw new MediaProviderException("The media server did not answer in time.", transient: true);
        }

        return id;
    }

    public Task StopRecordingAsync(string room, string recordingId, CancellationToken cancellationToken) =>
        Run(nameof(StopRecordingAsync), () => inner.StopRecordingAsync(room, recordingId, cancellationToken));

    private async Task Run(string call, Func<Task> action) => await Run(call, async () => { await action(); return true; });

    private Task<T> Run<T>(string call, Func<Task<T>> action)
    {
        lock (Calls)
        {
            Calls.Add(call);
        }

        if (Down || FailNext > 0)
        {
            FailNext = Math.Max(0, FailNext - 1);
            throw new MediaProviderException("Media server unavailable (503).", transient: true);
        }

        return action();
    }
}

internal sealed class RecordingSink : IMediaStatusSink
{
    public List<MediaStatus> Published { get; } = [];

    public Task PublishAsync(MediaStatus status, CancellationToken cancellationToken)
    {
        Published.Add(status);
        return Task.CompletedTask;
    }
}
