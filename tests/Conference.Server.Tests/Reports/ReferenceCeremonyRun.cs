using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Conference.Client;
using Conference.Domain.Awards;
using Conference.Domain.Media;
using Conference.Domain.Participants;
using Conference.Domain.Reports;
using Conference.Server.Features.Attendance;
using Conference.Server.Features.Awards;
using Conference.Server.Features.Conferences;
using Conference.Server.Features.Participants;
using Conference.Server.Media;
using Conference.Server.Tests.Media;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Reports;

public sealed partial class ReferenceCeremonyTests
{
    /// <summary>The ceremony as the test plays it: people coming and going on the fake clock while the show runs.</summary>
    private sealed class CeremonyRun(ApiHost host, WebApplicationFactory<Program> factory, HttpClient organizer)
    {
        private readonly List<(DateTimeOffset At, int Person, string Connection, bool Join)> _attendance = [];
        private readonly ConcurrentQueue<AwardeeCall> _calls = new();
        private List<ParticipantDto> _people = [];
        private AwardDto _award = null!;
        private Guid _id;

        public IReadOnlyCollection<AwardeeCall> Calls => _calls;

        /// <summary>The recipient of medal k (0-41) is participant 8 + k % 24 + 77 × (k / 24): 24 countries, 18 of them twice.</summary>
        private static int RecipientPerson(int k) => 8 + (k % 24) + (77 * (k / 24));

        public async Task<Guid> PrepareAsync()
        {
            var conference = await Read<ConferenceDto>(organizer.PostAsJsonAsync("/api/conferences", new
            {
                title = "Solidarity Day", scheduledStart = S, timeZone = "Asia/Baku", languages = new[] { "az", "en" },
            }));
            object[] segments =
            [
                new { kind = "anthem", title = "Anthem", media = new { url = "https://media.example.org/anthem.mp4", durationSeconds = 120 } },
                new { kind = "minuteOfSilence", title = "Minute of silence" },
                new { kind = "speech", title = "Address of the Chairman", durationSeconds = 600, speaker = new { name = "Fuad Muradov", country = "AZ" } },
                new { kind = "awardsCeremony", title = "Medals", durationSeconds = 1800, awardName = Medal },
                new { kind = "custom", title = "Closing", durationSeconds = 300 },
            ];
            foreach (var segment in segments)
            {
                var body = System.Text.Json.JsonSerializer.SerializeToNode(segment)!.AsObject();
                body["expectedRevision"] = conference.Revision;
                conference = await Read<ConferenceDto>(organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/segments", body));
            }

            _id = conference.Id;
            var roster = new StringBuilder("displayName,country,email,roles\n");
            for (var i = 0; i < 500; i++)
            {
                var name = i switch { 8 => "\"Ayla \"\"<script>alert(1)</script>\"\"\"", 9 => "\"=HYPERLINK(\"\"x\"\")\"", _ => $"Participant {i:000}" };
                var role = i < 2 ? "host" : i < 4 ? "producer" : i < 8 ? "speaker" : "attendee";
                roster.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name},{Codes[i % 77]},p{i}@example.org,{role}\n");
            }

            var imported = await Read<ImportReport>(organizer.PostAsync($"/api/conferences/{_id}/participants/import", new StringContent(roster.ToString(), Encoding.UTF8, "text/csv")));
            Assert.That(imported.Created, Is.EqualTo(500));
            var listed = await Read<List<ParticipantDto>>(organizer.GetAsync($"/api/conferences/{_id}/participants"));
            _people = [.. Enumerable.Range(0, 500).Select(i => listed.Single(p => p.Email == $"p{i}@example.org"))];

            _award = await Read<AwardDto>(organizer.PostAsJsonAsync($"/api/conferences/{_id}/awards", new { segmentId = conference.Segments[3].Id, description = "Medals of the committee" }));
            var list = new StringBuilder("participantId,citation\n");
            for (var k = 0; k < 42; k++)
            {
                list.Append(System.Globalization.CultureInfo.InvariantCulture, $"{_people[RecipientPerson(k)].Id},Citation {k}\n");
            }

            var awarded = await Read<RecipientImportReport>(organizer.PostAsync(
                $"/api/conferences/{_id}/awards/{_award.Id}/recipients/import?expectedRevision=1", new StringContent(list.ToString(), Encoding.UTF8, "text/csv")));
            Assert.That((awarded.Created, awarded.ParticipantsCreated), Is.EqualTo((42, 0)));
            _award = await Read<AwardDto>(organizer.PostAsJsonAsync($"/api/conferences/{_id}/awards/{_award.Id}/recipients/order", new { expectedRevision = 2, generate = "byCountryThenName" }));

            PlanAttendance();
            return _id;
        }

        private void PlanAttendance()
        {
            for (var i = 0; i < 500; i++)
            {
                _attendance.Add((S.AddMinutes(-10 + (i / 50)), i, $"m{i}a", true));
                if (i < 10)
                {
                    _attendance.Add((S.AddMinutes(-5), i, $"m{i}b", true));
                    _attendance.Add((S.AddMinutes(10), i, $"m{i}b", false));
                }

                if (i is >= 400 and < 450)
                {
                    _attendance.Add((S.AddMinutes(20), i, $"m{i}a", false));
                    _attendance.Add((S.AddMinutes(21), i, $"m{i}c", true));
                    _attendance.Add((S.AddMinutes(52), i, $"m{i}c", false));
                }
                else
                {
                    _attendance.Add((S.AddMinutes(i >= 450 ? 30 : 52), i, $"m{i}a", false));
                }
            }
        }

        /// <summary>Moves the fake clock to <paramref name="until"/>, recording every planned join and leave on the way at its instant.</summary>
        public async Task JoinAndLeaveAsync(DateTimeOffset until)
        {
            var due = _attendance.Where(a => a.At <= until).OrderBy(a => a.At).ThenBy(a => a.Join).ToList();
            _attendance.RemoveAll(a => a.At <= until);
            foreach (var (at, person, connection, join) in due)
            {
                MoveClock(at);
                await using var scope = factory.Services.CreateAsyncScope();
                var log = scope.ServiceProvider.GetRequiredService<IAttendanceLog>();
                if (join)
                {
                    Assert.That(await log.RecordJoinAsync(_id, _people[person].Id, connection, AttendanceSource.Media), Is.True);
                }
                else
                {
                    await log.RecordLeaveAsync(_id, connection, AttendanceSource.Media);
                }
            }

            MoveClock(until);
        }

        public async Task RunShowAsync()
        {
            await using var live = new ConferenceLiveClient(factory.Server.BaseAddress, ApiHost.OrganizerKey, new ConferenceClientOptions
            {
                ClockSamples = 3,
                WebSocketFactory = async (context, ct) => await factory.Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct),
            });
            live.AwardeeCalled += (_, call) => _calls.Enqueue(call);
            var tallies = new ConcurrentQueue<AwardTallyNotice>();
            live.AwardTallyChanged += (_, notice) => tallies.Enqueue(notice);
            await live.StartAsync();
            await live.JoinAsync(_id);

            var simulated = factory.Services.GetRequiredService<SimulatedMediaProvider>();
            var room = MediaRooms.For(_id);
            var first = _award.Recipients[0];
            var second = _award.Recipients[1];
            foreach (var r in new[] { first, second })
            {
                simulated.Join(room, new MediaMember(r.ParticipantId.ToString(), r.Name, r.Country, false), PublishRights.DataOnly);
            }

            await JoinAndLeaveAsync(S.AddMinutes(1));
            await ShowAsync("start");
            await JoinAndLeaveAsync(S.AddMinutes(3));
            await Eventually(async () => (await StateAsync()).CurrentSegmentTitle == "Minute of silence", "the anthem to end at its deadline");
            await JoinAndLeaveAsync(S.AddMinutes(4));
            await Eventually(async () => (await StateAsync()).CurrentSegmentTitle == "Address of the Chairman", "the silence to end at its deadline");

            var flaky = (FlakyProvider)factory.Services.GetRequiredService<IMediaProvider>();
            var loop = factory.Services.GetRequiredService<MediaReconcileLoop>();
            await JoinAndLeaveAsync(S.AddMinutes(6));
            flaky.Down = true;
            loop.Nudge(_id);
            await Eventually(async () => (await ReportAsync()).Media.Incidents == 1, "the outage to be recorded");
            await JoinAndLeaveAsync(S.AddMinutes(7.5));
            flaky.Down = false;
            loop.Nudge(_id);
            await Eventually(async () => (await ReportAsync()).Media.Items is [{ To: not null }], "the recovery to be recorded");

            await JoinAndLeaveAsync(S.AddMinutes(15));
            await ShowAsync("next");
            await Eventually(() => RightsAsync(simulated, room, first, second, PublishRights.Everything, PublishRights.DataOnly), "the first recipient to get the floor");
            var deferred = _award.Recipients.Single(r => r.ParticipantId == _people[RecipientPerson(2)].Id);
            for (var k = 0; k < 42; k++)
            {
                var at = S.AddMinutes(15).AddSeconds(40 * k);
                if (k > 0)
                {
                    await JoinAndLeaveAsync(at);
                    await ShowAsync("cue");
                }

                if (k == 1)
                {
                    await Eventually(() => RightsAsync(simulated, room, first, second, PublishRights.DataOnly, PublishRights.Everything), "the floor to pass to the second recipient");
                }

                await JoinAndLeaveAsync(at.AddSeconds(40));
                var recipient = _award.Recipients[k];
                var outcome = recipient.ParticipantId == _people[RecipientPerson(0)].Id || recipient.ParticipantId == _people[RecipientPerson(1)].Id ? "absent"
                    : recipient.ParticipantId == deferred.ParticipantId ? "deferred" : "presented";
                await Read<AwardTally>(organizer.PostAsJsonAsync($"/api/conferences/{_id}/awards/{_award.Id}/marks", new { participantId = recipient.ParticipantId, outcome }));
            }

            await JoinAndLeaveAsync(S.AddMinutes(43));
            await ShowAsync("cue", deferred.Position);
            await JoinAndLeaveAsync(S.AddMinutes(43).AddSeconds(40));
            var tally = await live.MarkAwardeeAsync(_award.Id, deferred.ParticipantId, AwardOutcome.Presented);
            Assert.That((tally.Presented, tally.Absent, tally.Deferred, tally.DeferredThenPresented), Is.EqualTo((40, 2, 0, 1)));
            await Eventually(() => Task.FromResult(tallies.Any(t => t.Tally.Presented == 40)), "the tally to reach the hosts");

            await JoinAndLeaveAsync(S.AddMinutes(44));
            await ShowAsync("next");
            await JoinAndLeaveAsync(S.AddMinutes(50));
            await ShowAsync("end");
            await Eventually(() => Task.FromResult(_calls.Count >= 43), "every call-up to reach the clients");

            var calls = _calls.ToList();
            Assert.That(calls.Select(c => c.CueIndex), Is.EqualTo(Enumerable.Range(0, 42).Append(deferred.Position)));
            Assert.That(calls[0], Is.EqualTo(new AwardeeCall(
                _id, _award.SegmentId, _award.Id, Medal, 0, 42, first.ParticipantId, first.Name, first.Country, first.Citation, null,
                S.AddMinutes(15), calls[0].Revision)));
            Assert.That(calls[^1].ParticipantId, Is.EqualTo(deferred.ParticipantId));
            Assert.That(calls[^1].At, Is.EqualTo(S.AddMinutes(43)));
        }

        private static async Task<bool> RightsAsync(SimulatedMediaProvider simulated, string room, RecipientDto a, RecipientDto b, PublishRights forA, PublishRights forB)
        {
            var inRoom = await simulated.ListParticipantsAsync(room, CancellationToken.None);
            return inRoom.Single(p => p.Identity == a.ParticipantId.ToString()).Rights == forA
                && inRoom.Single(p => p.Identity == b.ParticipantId.ToString()).Rights == forB;
        }

        private async Task ShowAsync(string action, int? cueIndex = null)
        {
            var state = await StateAsync();
            object body = cueIndex is { } index ? new { expectedRevision = state.Revision, cueIndex = index } : new { expectedRevision = state.Revision };
            await Read<LiveShowState>(organizer.PostAsJsonAsync($"/api/conferences/{_id}/show/{action}", body));
        }

        private Task<LiveShowState> StateAsync() => Read<LiveShowState>(organizer.GetAsync($"/api/conferences/{_id}/show"));

        private Task<PostEventReport> ReportAsync() => Read<PostEventReport>(organizer.GetAsync($"/api/conferences/{_id}/report"));

        private void MoveClock(DateTimeOffset to)
        {
            if (to > host.Clock.GetUtcNow())
            {
                host.Clock.SetUtcNow(to);
            }
        }

        private static async Task<T> Read<T>(Task<HttpResponseMessage> request)
        {
            using var response = await request;
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.IsSuccessStatusCode, Is.True, text);
            return System.Text.Json.JsonSerializer.Deserialize<T>(text, ApiTestBase.Json)!;
        }
    }
}
