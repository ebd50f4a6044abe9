using System.Net;
using System.Net.Http.Json;
using Conference.Domain.Show;
using Conference.Server.Features.Control;
using Conference.Server.Persistence;
using Conference.Server.Tests.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Control;

public class StreamDeckControlTests(DatabaseKind kind) : LiveTestBase(kind)
{
    private async Task<string> IssueTokenAsync(Guid conferenceId, HttpClient? issuer = null) =>
        (await Read<IssuedControlToken>(await (issuer ?? Organizer).PostAsJsonAsync(
            $"/api/conferences/{conferenceId}/control-tokens", new { label = "Stage left deck" }))).Token;

    private Task<HttpResponseMessage> PressAsync(string token, string action, Guid? ifSegment = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/control/{action}" + (ifSegment is { } id ? $"?ifSegment={id}" : ""));
        request.Headers.Add(ControlEndpoints.TokenHeader, token);
        return Anonymous.SendAsync(request);
    }

    [Test]
    public async Task Next_PressedOnTwoDecksAtOnce_AdvancesOnceEveryRound()
    {
        var conference = await CreateProgramAsync([.. Enumerable.Range(0, 6).Select(i => Custom($"Part {i}", 60))]);
        var left = await IssueTokenAsync(conference.Id);
        var right = await IssueTokenAsync(conference.Id);
        var started = await Read<ControlPressResult>(await PressAsync(left, "next"));
        Assert.That(started.CurrentSegmentTitle, Is.EqualTo("Part 0"), "the first Next starts the show");

        for (var round = 1; round < 6; round++)
        {
            // Past the guard: this round's presses are meant for the segment on air now.
            Host.Clock.Advance(PressControlHandler.PressGuard + TimeSpan.FromSeconds(1));
            var results = await Task.WhenAll(
                Read<ControlPressResult>(await PressAsync(left, "next")), Read<ControlPressResult>(await PressAsync(right, "next")));

            Assert.That(results.Count(r => r.Outcome == ControlOutcome.Advanced), Is.EqualTo(1), $"round {round}");
            Assert.That(results.Count(r => r.Outcome == ControlOutcome.AlreadyAdvanced), Is.EqualTo(1), $"round {round}");
            Assert.That(results.Select(r => r.CurrentSegmentTitle), Is.All.EqualTo($"Part {round}"), $"round {round}");
        }

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var events = await db.ShowEvents.CountAsync(e => e.ConferenceId == conference.Id);
        Assert.That(events, Is.EqualTo(2 + (2 * 5)), "show start, then one SegmentEnded + SegmentStarted per round");
    }

    [Test]
    public async Task Next_SentConcurrentlyWithoutAGuardWindow_StillAdvancesOnce()
    {
        var conference = await CreateProgramAsync(Custom("One"), Custom("Two"), Custom("Three"));
        var token = await IssueTokenAsync(conference.Id);
        await Read<ControlPressResult>(await PressAsync(token, "next"));
        Host.Clock.Advance(TimeSpan.FromMinutes(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PressAsync(token, "next")));
        var results = await Task.WhenAll(responses.Select(Read<ControlPressResult>));

        Assert.That(results.Count(r => r.Outcome == ControlOutcome.Advanced), Is.EqualTo(1));
        Assert.That(results.Select(r => r.CurrentSegmentTitle), Is.All.EqualTo("Two"));
    }

    [Test]
    public async Task Next_IfSegmentNamesAnotherSegment_DoesNothing()
    {
        var conference = await CreateProgramAsync(Custom("One"), Custom("Two"));
        var token = await IssueTokenAsync(conference.Id);
        await Read<ControlPressResult>(await PressAsync(token, "next"));

        var stale = await Read<ControlPressResult>(await PressAsync(token, "next", conference.Segments[1].Id));
        var meant = await Read<ControlPressResult>(await PressAsync(token, "next", conference.Segments[0].Id));

        Assert.That(stale.Outcome, Is.EqualTo(ControlOutcome.AlreadyAdvanced));
        Assert.That(meant.Outcome, Is.EqualTo(ControlOutcome.Advanced), "a named segment needs no guard window");
        Assert.That(meant.CurrentSegmentTitle, Is.EqualTo("Two"));
    }

    [Test]
    public async Task PauseAndResume_PressedTwice_AreIdempotent()
    {
        var conference = await CreateProgramAsync(Custom("One"), Custom("Two"));
        var token = await IssueTokenAsync(conference.Id);
        await Read<ControlPressResult>(await PressAsync(token, "next"));

        var outcomes = new List<ControlOutcome>();
        foreach (var action in new[] { "pause", "pause", "resume", "resume" })
        {
            outcomes.Add((await Read<ControlPressResult>(await PressAsync(token, action))).Outcome);
        }

        Assert.That(outcomes, Is.EqualTo(new[] { ControlOutcome.Paused, ControlOutcome.AlreadyPaused, ControlOutcome.Resumed, ControlOutcome.AlreadyRunning }));
    }

    [Test]
    public async Task RevokedToken_Pressed_Is401AndTheShowStays()
    {
        var conference = await CreateProgramAsync(Custom("One"), Custom("Two"));
        var issued = await Read<IssuedControlToken>(await Organizer.PostAsJsonAsync(
            $"/api/conferences/{conference.Id}/control-tokens", new { label = "Lost deck" }));
        var revoked = await Read<ControlTokenDto>(await Organizer.DeleteAsync($"/api/conferences/{conference.Id}/control-tokens/{issued.Id}"));

        var problem = await Problem(await PressAsync(issued.Token, "next"), HttpStatusCode.Unauthorized);
        await Problem(await PressAsync("ctl_made-up", "next"), HttpStatusCode.Unauthorized);
        await Problem(await Anonymous.PostAsync("/api/control/next", null), HttpStatusCode.Unauthorized);

        Assert.That(revoked.RevokedAt, Is.Not.Null);
        Assert.That((string?)problem["detail"], Does.Contain("revoked"));
        var show = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        Assert.That(show.Status, Is.EqualTo(ShowStatus.NotStarted));
        var listed = await Read<List<ControlTokenDto>>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/control-tokens"));
        Assert.That(listed.Single().Label, Is.EqualTo("Lost deck"));
    }

    [Test]
    public async Task Token_IssuedByAHost_ControlsOnlyItsOwnConference()
    {
        var conference = await CreateProgramAsync(Custom("One"), Custom("Two"));
        var other = await CreateProgramAsync(Custom("Elsewhere"));
        using var host = await ParticipantClientAsync(conference.Id, "host");
        var token = await IssueTokenAsync(conference.Id, host);

        await Read<ControlPressResult>(await PressAsync(token, "next"));

        var mine = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/show"));
        var theirs = await Read<LiveShowState>(await Organizer.GetAsync($"/api/conferences/{other.Id}/show"));
        Assert.That(mine.Status, Is.EqualTo(ShowStatus.Running));
        Assert.That(theirs.Status, Is.EqualTo(ShowStatus.NotStarted));
    }

    [Test]
    public async Task IssueToken_WithoutALabel_Is400WithTheField()
    {
        var conference = await CreateProgramAsync(Custom("One"));

        var problem = await Problem(
            await Organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/control-tokens", new { label = " " }), HttpStatusCode.BadRequest);

        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("label"));
    }
}
