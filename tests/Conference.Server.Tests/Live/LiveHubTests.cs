using System.Net.Http.Json;
using Conference.Client;
using Conference.Domain.Show;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Conference.Server.Tests.Live;

public class LiveHubTests(DatabaseKind kind) : LiveTestBase(kind)
{
    [TestCase(LiveProtocol.Json)]
    [TestCase(LiveProtocol.MessagePack)]
    public async Task Join_ReturnsSnapshotWithProgramShowTimelineAndServerTime(LiveProtocol protocol)
    {
        var conference = await CreateProgramAsync(Silence, Speech);
        var client = await ConnectAsync(protocol: protocol);

        var snapshot = await client.JoinAsync(conference.Id);

        Assert.That(snapshot.Title, Is.EqualTo(conference.Title));
        Assert.That(snapshot.Program.Segments.Select(s => s.Title), Is.EqualTo(new[] { "Minute of silence", "Address of the Chairman" }));
        Assert.That(snapshot.Show.Status, Is.EqualTo(ShowStatus.NotStarted));
        Assert.That(snapshot.Show.Revision, Is.Zero);
        Assert.That(snapshot.Timeline.Segments, Has.Count.EqualTo(2));
        Assert.That(snapshot.Timeline.PlannedEnd, Is.EqualTo(conference.PlannedEnd));
        Assert.That(snapshot.ServerTime, Is.EqualTo(Host.Clock.GetUtcNow()));
    }

    [Test]
    public async Task Join_AfterAProgramEdit_SeesTheEditedProgram()
    {
        var conference = await CreateProgramAsync(Speech);
        var client = await ConnectAsync(conference.Id);

        conference = await AddSegmentAsync(conference, Custom("Encore"));
        var snapshot = await client.JoinAsync(conference.Id);

        Assert.That(snapshot.Program.Segments.Select(s => s.Title), Is.EqualTo(new[] { "Address of the Chairman", "Encore" }));
        Assert.That(snapshot.Program.ProgramRevision, Is.EqualTo(conference.Revision));
    }

    [TestCase(LiveProtocol.Json, LiveProtocol.MessagePack)]
    [TestCase(LiveProtocol.MessagePack, LiveProtocol.Json)]
    public async Task HostCommands_AreBroadcastOnceToEveryoneInTheConference(LiveProtocol hostProtocol, LiveProtocol viewerProtocol)
    {
        var conference = await CreateProgramAsync(Speech, Custom("Music"));
        var host = await ConnectAsync(conference.Id, hostProtocol);
        var viewer = await ConnectAsync(conference.Id, viewerProtocol);
        var seen = new List<int>();
        viewer.ShowChanged += (_, state) => { lock (seen) { seen.Add(state.Revision); } };

        var started = await host.StartShowAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(90));
        await host.AdjustTimeAsync(30);
        await host.PauseAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(10));
        await host.ResumeAsync();
        var next = await host.NextAsync();
        var last = await WaitForAsync(viewer, s => s.Revision == next.Revision);

        Assert.That(started.SegmentStartedAt, Is.EqualTo(started.StartedAt));
        Assert.That(last.CurrentSegmentTitle, Is.EqualTo("Music"));
        Assert.That(last.Runs[0].AddedTime, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(last.Runs[0].PausedTotal, Is.EqualTo(TimeSpan.FromSeconds(10)));
        lock (seen)
        {
            Assert.That(seen, Is.EqualTo(new[] { 2, 3, 4, 5, 7 }), "one ShowChanged per change, none repeated");
        }
    }

    [Test]
    public async Task AutoAdvanceSegment_EndsByItselfAtItsDeadline()
    {
        var conference = await CreateProgramAsync(Silence, Speech);
        var host = await ConnectAsync(conference.Id);
        var started = await host.StartShowAsync();
        await host.PauseAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(20));
        await host.ResumeAsync();

        Host.Clock.Advance(TimeSpan.FromSeconds(80));
        var after = await WaitForAsync(host, s => s.CurrentSegmentTitle == "Address of the Chairman");

        var silence = after.Runs[0];
        Assert.That(silence.EndReason, Is.EqualTo(SegmentEndReason.Deadline));
        Assert.That(silence.EndedAt, Is.EqualTo(started.SegmentStartedAt + TimeSpan.FromSeconds(60 + 20)), "closed at its deadline, pause included");
        Assert.That(after.SegmentStartedAt, Is.EqualTo(silence.EndedAt));
    }

    [Test]
    public async Task ClientThatMissedAChange_ResyncsWithAFreshSnapshot()
    {
        var conference = await CreateProgramAsync(Speech, Custom("Music"));
        var host = await ConnectAsync(conference.Id);
        var viewer = await ConnectAsync(conference.Id, LiveProtocol.MessagePack);
        var started = await host.StartShowAsync();
        await WaitForAsync(viewer, s => s.Revision == started.Revision);
        var resynced = new TaskCompletionSource<ShowSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.Resynced += (_, snapshot) => resynced.TrySetResult(snapshot);

        // A change based on revision 7 reaches a viewer holding revision 2: it missed some.
        viewer.Receive(started with { Revision = 9, PreviousRevision = 7 });
        var snapshot = await resynced.Task.WaitAsync(Patience);

        Assert.That(snapshot.Show.Revision, Is.EqualTo(started.Revision));
        Assert.That(viewer.Show!.Revision, Is.EqualTo(started.Revision), "the state it could not place was not applied");
    }

    [TestCase(LiveProtocol.Json)]
    [TestCase(LiveProtocol.MessagePack)]
    public async Task ShowChanged_CarriesOnlyTheRunsItTouched_AndTheClientHoldsThemAll(LiveProtocol protocol)
    {
        var conference = await CreateProgramAsync(Speech, Custom("Music"), Custom("Encore"), Custom("Closing"));
        var host = await ConnectAsync(conference.Id);
        var viewer = await ConnectAsync(conference.Id, protocol);
        var pushed = new List<LiveShowState>();
        var allPushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A second handler on the same method sees the payload as it came over the wire, before the client merges it.
        viewer.Connection.On<LiveShowState>("ShowChanged", state =>
        {
            lock (pushed)
            {
                pushed.Add(state);
                if (pushed.Count == 6)
                {
                    allPushed.TrySetResult();
                }
            }
        });

        await host.StartShowAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(60));
        await host.NextAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(60));
        await host.NextAsync();
        Host.Clock.Advance(TimeSpan.FromSeconds(30));
        await host.AdjustTimeAsync(30);
        Host.Clock.Advance(TimeSpan.FromSeconds(60));
        await host.NextAsync();
        var last = await host.AdvanceCueAsync();
        await allPushed.Task.WaitAsync(Patience);
        var held = await WaitForAsync(viewer, s => s.Revision == last.Revision);
        var rest = await Organizer.GetFromJsonAsync<LiveShowState>($"/api/conferences/{conference.Id}/show", Json);

        lock (pushed)
        {
            Assert.That(pushed.Select(p => (p.RunsFrom, p.Runs.Count)), Is.EqualTo(new[] { (0, 1), (0, 2), (1, 2), (3, 0), (2, 2), (4, 0) }),
                "start: the first run; next: the closed one and the new one; time added or a cue: none (the running segment's anchors travel on their own)");
        }

        Assert.That(last.RunsFrom, Is.Zero, "a command's own answer is complete");
        Assert.That(held.RunsFrom, Is.Zero);
        Assert.That(held.Runs, Has.Count.EqualTo(4));
        Assert.That(held.Runs, Is.EqualTo(last.Runs));
        Assert.That(held.Runs, Is.EqualTo(rest!.Runs));
        Assert.That(held.Runs[2].AddedTime, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public async Task ChangeNeedingRunsTheClientDoesNotHold_ResyncsInsteadOfGuessing()
    {
        var conference = await CreateProgramAsync(Speech, Custom("Music"));
        var host = await ConnectAsync(conference.Id);
        var viewer = await ConnectAsync(conference.Id);
        var started = await host.StartShowAsync();
        await WaitForAsync(viewer, s => s.Revision == started.Revision);
        var resynced = new TaskCompletionSource<ShowSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.Resynced += (_, snapshot) => resynced.TrySetResult(snapshot);

        // Follows the revision the viewer holds, but says the runs before index 3 are known: the viewer holds one.
        viewer.Receive(started with { Revision = started.Revision + 1, PreviousRevision = started.Revision, Runs = [], RunsFrom = 3 });
        await resynced.Task.WaitAsync(Patience);

        Assert.That(viewer.Show!.Revision, Is.EqualTo(started.Revision));
        Assert.That(viewer.Show.Runs, Is.EqualTo(started.Runs));
    }

    [Test]
    public async Task StaleRevision_IsRefusedWithAHubExceptionNamingTheCurrentRevision()
    {
        var conference = await CreateProgramAsync(Speech, Custom("Music"));
        var host = await ConnectAsync(conference.Id);
        await host.StartShowAsync();

        var error = Assert.ThrowsAsync<HubException>(() => host.NextAsync(expectedRevision: 0));
        Assert.That(error!.Message, Does.Contain("the current revision is 2"));
    }

    [Test]
    public async Task BadInputAndIllegalMoves_AreHubExceptionsWithTheProblemMessages()
    {
        var conference = await CreateProgramAsync(Speech);
        var host = await ConnectAsync(conference.Id);

        var zero = Assert.ThrowsAsync<HubException>(() => host.AdjustTimeAsync(0));
        var early = Assert.ThrowsAsync<HubException>(() => host.NextAsync());
        var negative = Assert.ThrowsAsync<HubException>(() => host.SetCueAsync(-1));
        var unknown = Assert.ThrowsAsync<HubException>(() => host.Connection.InvokeAsync<object>("JoinConference", Guid.NewGuid()));

        Assert.That(zero!.Message, Is.EqualTo("'deltaSeconds' of 0 changes nothing."));
        Assert.That(early!.Message, Is.EqualTo("The show has not started."));
        Assert.That(negative!.Message, Does.Contain("'cueIndex' is zero-based"));
        Assert.That(unknown!.Message, Does.Contain("No conference with id"), "the raw connection sees SignalR's prefix, then the message");
    }

    [Test]
    public async Task Connect_WithAWrongToken_IsRefusedAtTheHandshake()
    {
        // A credential that is presented but invalid is a 401 before the hub is reached, as on every endpoint.
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(token: "not-the-key"));
        Assert.That(error!.Message, Does.Contain("401"));
    }

    [Test]
    public async Task HostMessage_ReachesTheHostsGroup()
    {
        var conference = await CreateProgramAsync(Speech);
        var host = await ConnectAsync(conference.Id, LiveProtocol.MessagePack);
        var received = new TaskCompletionSource<HostMessage>();
        host.MessageReceived += (_, message) => received.TrySetResult(message);

        await host.SendMessageAsync(MessageAudience.Speakers, "Two minutes, please");
        var message = await received.Task.WaitAsync(Patience);

        Assert.That(message.Text, Is.EqualTo("Two minutes, please"));
        Assert.That(message.Audience, Is.EqualTo(MessageAudience.Speakers));
        Assert.That(message.Revision, Is.EqualTo(1));
    }

    [Test]
    public async Task Announcement_ToEveryone_ReachesAnAttendeeButAMessageToHostsDoesNot()
    {
        var conference = await CreateProgramAsync(Speech);
        var host = await ConnectAsync(conference.Id, LiveProtocol.MessagePack);
        var attendeeSession = await ParticipantSessionAsync(conference.Id, "attendee");
        var attendee = await ConnectAsync(conference.Id, LiveProtocol.Json, attendeeSession.Token);
        var messages = new List<HostMessage>();
        var announcement = new TaskCompletionSource<HostMessage>();
        attendee.MessageReceived += (_, message) =>
        {
            lock (messages)
            {
                messages.Add(message);
            }

            if (message.Audience == MessageAudience.Everyone)
            {
                announcement.TrySetResult(message);
            }
        };

        await host.SendMessageAsync(MessageAudience.Hosts, "Stand by for the awards");
        await host.SendMessageAsync(MessageAudience.Everyone, "Welcome, everyone");
        var received = await announcement.Task.WaitAsync(Patience);

        Assert.That(received.Text, Is.EqualTo("Welcome, everyone"));
        lock (messages)
        {
            Assert.That(messages.Select(m => m.Text), Is.EqualTo(new[] { "Welcome, everyone" }), "messages reach a connection in send order");
        }
    }
}
