using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Conference.Server.Features.Participants;
using Conference.Server.Features.Registration;

namespace Conference.Server.Tests.Registration;

public class RegistrationTests(DatabaseKind kind) : ApiTestBase(kind)
{
    [Test]
    public async Task Register_WhenClosed_Is409AndStoresNobody()
    {
        var conference = await CreateConferenceAsync();

        var problem = await Problem(await RegisterAsync(conference.Id, "Walk In"), HttpStatusCode.Conflict);

        Assert.That((string?)problem["detail"], Does.Contain("closed"));
        Assert.That((await Read<RegistrationDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}/registration"))).Participants, Is.Zero);
    }

    [Test]
    public async Task Register_WhenOpen_GivesAnAttendeeSessionAndAJoinLinkForLater()
    {
        var conference = await CreateConferenceAsync();
        await OpenAsync(conference.Id, capacity: null);

        var response = await RegisterAsync(conference.Id, "Amina Diallo", "SN", "fr");
        var registered = await Read<RegisteredDto>(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(registered.Session.Roles, Is.EqualTo(new[] { "attendee" }));
        Assert.That(registered.Session.Country, Is.EqualTo("SN"));
        Assert.That(registered.Session.Language, Is.EqualTo("fr"));
        var person = await Read<ParticipantDto>(await Organizer.GetAsync($"/api/conferences/{conference.Id}/participants/{registered.Session.ParticipantId}"));
        Assert.That(person.Origin, Is.EqualTo(Domain.Participants.ParticipantOrigin.Registration));

        // The session is for this conference only, and the link brings the person back.
        using var attendee = Host.CreateSessionClient(registered.Session.Token);
        await Problem(await attendee.GetAsync($"/api/conferences/{conference.Id}/participants"), HttpStatusCode.Forbidden);
        Assert.That((await JoinAsync(registered.JoinLink.Code)).ParticipantId, Is.EqualTo(registered.Session.ParticipantId));
    }

    [Test]
    public async Task Register_WhenFull_Is409NamingTheCapacity()
    {
        var conference = await CreateConferenceAsync();
        await AddParticipantAsync(conference.Id, "Invited Speaker", "AZ", "speaker");
        await OpenAsync(conference.Id, capacity: 2);
        await Read<RegisteredDto>(await RegisterAsync(conference.Id, "First Guest"));

        var problem = await Problem(await RegisterAsync(conference.Id, "One Too Many"), HttpStatusCode.Conflict);

        Assert.That((string?)problem["detail"], Does.Contain("full").And.Contain("2"));
        var status = await Read<RegistrationDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}/registration"));
        Assert.That(status, Is.EqualTo(new RegistrationDto(conference.Id, true, 2, 2, 0)));
    }

    [Test]
    public async Task Register_ManyAtOnce_NeverExceedsTheCapacity()
    {
        var conference = await CreateConferenceAsync();
        await OpenAsync(conference.Id, capacity: 5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => RegisterAsync(conference.Id, $"Rush {i}")));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(5));
        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.Conflict));
        var status = await Read<RegistrationDto>(await Anonymous.GetAsync($"/api/conferences/{conference.Id}/registration"));
        Assert.That(status.Participants, Is.EqualTo(responses.Count(r => r.StatusCode == HttpStatusCode.Created)).And.LessThanOrEqualTo(5));
    }

    [Test]
    public async Task Register_SameNameAndCountryTwice_Is409()
    {
        var conference = await CreateConferenceAsync();
        await OpenAsync(conference.Id, capacity: null);
        await Read<RegisteredDto>(await RegisterAsync(conference.Id, "Twice Person"));

        await Problem(await RegisterAsync(conference.Id, "twice  person"), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Register_WithBadFields_NamesThem()
    {
        var conference = await CreateConferenceAsync();
        await OpenAsync(conference.Id, capacity: null);
        var response = await Anonymous.PostAsJsonAsync($"/api/conferences/{conference.Id}/register", new { displayName = "", country = "Atlantis", language = "??" });
        await ValidationProblem(response, "displayName", "country", "language");
    }

    [Test]
    public async Task Configure_WithBadCapacity_Is400()
    {
        var conference = await CreateConferenceAsync();
        await ValidationProblem(await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/registration", new { open = true, capacity = 0 }), "capacity");
        await ValidationProblem(await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/registration", new { capacity = 10 }), "open");
    }

    [Test]
    public async Task Register_ForUnknownConference_Is404()
    {
        await Problem(await RegisterAsync(Guid.NewGuid(), "Nowhere"), HttpStatusCode.NotFound);
    }

    private async Task OpenAsync(Guid conferenceId, int? capacity) =>
        await Read<RegistrationDto>(await Organizer.PutAsJsonAsync($"/api/conferences/{conferenceId}/registration", new { open = true, capacity }));

    private Task<HttpResponseMessage> RegisterAsync(Guid conferenceId, string name, string country = "AZ", string? language = null) =>
        Anonymous.PostAsJsonAsync($"/api/conferences/{conferenceId}/register", new { displayName = name, country, language });
}

/// <summary>On its own host, because the limit it sets would trip every other registration test.</summary>
public class RegistrationRateLimitTests(DatabaseKind kind) : ApiTestBase(kind)
{
    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["RateLimits:Registration:PermitLimit"] = "3",
        ["RateLimits:Registration:WindowSeconds"] = "3600",
        ["RateLimits:Join:PermitLimit"] = "2",
        ["RateLimits:Join:WindowSeconds"] = "3600",
    };

    [Test]
    public async Task Registration_AboveTheLimitPerAddress_Is429WithRetryAfter()
    {
        var conference = await CreateConferenceAsync();
        await Read<RegistrationDto>(await Organizer.PutAsJsonAsync($"/api/conferences/{conference.Id}/registration", new { open = true }));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await Anonymous.PostAsJsonAsync($"/api/conferences/{conference.Id}/register", new { displayName = $"Guest {i}", country = "AZ" });
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        await Problem(last, HttpStatusCode.TooManyRequests);
        Assert.That(last.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task Limit_IsCountedPerClientAddress()
    {
        await using var host = Host.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>()));
        HttpClient From(string address)
        {
            var client = host.CreateClient();
            client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
            return client;
        }

        using var first = From("203.0.113.7");
        using var second = From("198.51.100.23");
        var spent = new[]
        {
            (await first.PostAsJsonAsync("/api/join", new { code = "guess-a" })).StatusCode,
            (await first.PostAsJsonAsync("/api/join", new { code = "guess-b" })).StatusCode,
            (await first.PostAsJsonAsync("/api/join", new { code = "guess-c" })).StatusCode,
        };
        var fresh = (await second.PostAsJsonAsync("/api/join", new { code = "guess-d" })).StatusCode;

        Assert.That(spent, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.That(fresh, Is.EqualTo(HttpStatusCode.Unauthorized), "another address has its own budget");
    }

    [Test]
    public async Task TwoHundredPeopleBehindOneAddress_AllJoin_WhileFailuresAreStillLimited()
    {
        var conference = await CreateConferenceAsync();
        var codes = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var person = await AddParticipantAsync(conference.Id, $"Guest {i:000}", "AZ", "attendee");
            codes.Add((await InviteAsync(conference.Id, person.Id)).Code);
        }

        // The diaspora centre's one address, on a host of its own so that other tests' guesses do not count here.
        await using var host = Host.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>()));
        using var centre = host.CreateClient();
        centre.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "192.0.2.200");

        var statuses = new List<HttpStatusCode>();
        foreach (var code in codes)
        {
            statuses.Add((await centre.PostAsJsonAsync("/api/join", new { code })).StatusCode);
        }

        Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK), "successful redemptions from one address are not limited");
        Assert.That((await centre.PostAsJsonAsync("/api/join", new { code = "typo-1" })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await centre.PostAsJsonAsync("/api/join", new { code = "typo-2" })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var limited = await centre.PostAsJsonAsync("/api/join", new { code = codes[0] });
        var problem = await Problem(limited, HttpStatusCode.TooManyRequests);
        Assert.That((string?)problem["detail"], Does.Contain("Try again"));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task GuessingCodes_IsRateLimited()
    {
        var first = await Anonymous.PostAsJsonAsync("/api/join", new { code = "guess-1" });
        var second = await Anonymous.PostAsJsonAsync("/api/join", new { code = "guess-2" });
        var third = await Anonymous.PostAsJsonAsync("/api/join", new { code = "guess-3" });

        Assert.That(new[] { first.StatusCode, second.StatusCode }, Is.All.EqualTo(HttpStatusCode.Unauthorized));
        await Problem(third, HttpStatusCode.TooManyRequests);
    }
}

/// <summary>The in-process test server has no client address; this gives each test client one.</summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
