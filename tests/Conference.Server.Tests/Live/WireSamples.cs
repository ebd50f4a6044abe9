using Conference.Domain.Awards;
using Conference.Domain.Programs;
using Conference.Domain.Show;

namespace Conference.Server.Tests.Live;

/// <summary>One filled-in value of every live message type, with every optional field set and every nested type present.</summary>
internal static class WireSamples
{
    public static readonly DateTimeOffset At = new(2026, 12, 31, 11, 0, 0, TimeSpan.Zero);
    public static readonly Guid ConferenceId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    public static readonly Guid SilenceId = Guid.Parse("0b6ea1b0-1d6c-4a8e-9c1c-6d1f3a5b2e01");
    public static readonly Guid AwardId = Guid.Parse("0b6ea1b0-1d6c-4a8e-9c1c-6d1f3a5b2e10");
    public static readonly Guid RecipientId = Guid.Parse("0b6ea1b0-1d6c-4a8e-9c1c-6d1f3a5b2e11");
    public static readonly Guid AppealId = Guid.Parse("0b6ea1b0-1d6c-4a8e-9c1c-6d1f3a5b2e20");
    public static readonly Guid SpeechId = Guid.Parse("0b6ea1b0-1d6c-4a8e-9c1c-6d1f3a5b2e02");

    public static ShowProgram Program => new(ConferenceId, 4, At,
    [
        new ShowSegment(SilenceId, SegmentKind.MinuteOfSilence, "Minute of silence", TimeSpan.FromMinutes(1), At,
            EndMode.AutoAdvance, true, null, At),
        new ShowSegment(SpeechId, SegmentKind.Speech, "Address", TimeSpan.FromMinutes(10), null,
            EndMode.Manual, false, TimeSpan.FromSeconds(95.5), At.AddMinutes(1), [new SegmentCue(AppealId, TimeSpan.FromSeconds(42.5))]),
    ]);

    public static LiveShowState Show => new(
        ConferenceId, 7, 5, ShowStatus.Paused, At, null, SpeechId, "Address", At.AddSeconds(75), TimeSpan.FromMinutes(10),
        At.AddMinutes(3), TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(-30), 2, At.AddMinutes(20),
        [
            new SegmentRun(SilenceId, At, At.AddSeconds(75), SegmentEndReason.Deadline, TimeSpan.FromSeconds(15), TimeSpan.Zero),
            new SegmentRun(SpeechId, At.AddSeconds(75), null, null, TimeSpan.FromSeconds(-30), TimeSpan.FromSeconds(12)),
        ],
        1, [Guid.Parse("0b6ea1b0-1d6c-4a8e-9c1c-6d1f3a5b2e03")], 4, At.AddMinutes(4));

    public static ShowSnapshot Snapshot => new(
        ConferenceId, "Solidarity Day", "Asia/Baku", Program, Show with { RunsFrom = 0 }, ShowTimeline.Compute(
            Show.ToShowState(), Program, At.AddMinutes(4)), At.AddMinutes(4));

    public static HostMessage Message => new(ConferenceId, MessageAudience.Hosts, "Wrap up, please", At.AddMinutes(5), 8);

    public static ClockSample Clock => new(638712345678901234, At.UtcTicks);

    public static ProgramChangedNotice ProgramChanged => new(ConferenceId, 5);

    public static MediaStatus Media => new(
        ConferenceId, "LiveKit", MediaSyncState.Degraded, "room service: unavailable", At,
        new MediaCallView(false, ["Fuad Muradov"], null), new MediaCallView(false, [], SilenceId));

    public static AwardTally Tally => new(
        AwardId, "Medal", 2, 2, 1, 0, 1, 0, 0, 1,
        [new CountryTally("AZ", 1, 1, 0, 0, 0), new CountryTally("DE", 1, 0, 0, 1, 0)],
        [
            new RecipientStanding(RecipientId, 0, "Aysel Karimova", "AZ", "For twenty years", AwardOutcome.Presented, At.AddMinutes(30), false),
            new RecipientStanding(Guid.Empty, 1, "Orhan Aliyev", "DE", null, AwardOutcome.Deferred, At.AddMinutes(31), true),
        ]);

    public static AwardeeCall Awardee => new(
        ConferenceId, SpeechId, AwardId, "Medal", 0, 2, RecipientId, "Aysel Karimova", "AZ", "For twenty years",
        new Uri("https://example.org/photo.jpg"), At.AddMinutes(30), 41);

    public static AppealQueueNotice Appeals => new(
        ConferenceId, SpeechId,
        new AppealCaption(AppealId, "Aysel Karimova", Domain.Appeals.SenderKind.Person, "DE", "az", "From Berlin", 42.5, At.AddMinutes(40),
            "/api/appeal-videos/0b6ea1b0-1d6c-4a8e-9c1c-6d1f3a5b2e20?conference=3f2504e0-4f89-11d3-9a0c-0305e82c3301&expires=1798718400&signature=abc"),
        new AppealCaption(RecipientId, "Baku Friends", Domain.Appeals.SenderKind.Organization, "AZ", "en", "Greetings", 30, null, null),
        1, true, 2.5, At.AddMinutes(42), 44);

    /// <summary>Every value the hub sends (pushed messages and method results), by the name it travels under.</summary>
    public static IEnumerable<(string Name, object Value)> Messages() =>
    [
        (nameof(IConferenceClient.ShowChanged), Show),
        (nameof(IConferenceClient.MessageReceived), Message),
        (nameof(IConferenceClient.MediaStatusChanged), Media),
        (nameof(IConferenceClient.AwardeeCalled), Awardee),
        (nameof(IConferenceClient.AwardTallyChanged), new AwardTallyNotice(ConferenceId, Tally)),
        (nameof(IConferenceClient.AppealQueueChanged), Appeals),
        (nameof(IConferenceClient.AppealsEdited), new AppealsEditedNotice(ConferenceId, 12)),
        (nameof(IConferenceClient.SessionEnded), "Your join link was revoked."),
        (nameof(IConferenceHub.MarkAwardee), Tally),
        (nameof(IConferenceClient.ProgramChanged), ProgramChanged),
        (nameof(IConferenceHub.JoinConference), Snapshot),
        (nameof(IConferenceHub.SyncClock), Clock),
    ];
}
