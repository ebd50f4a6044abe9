using System.Net;
using System.Net.Http.Json;
using Conference.Server.Features.Invitations;
using Microsoft.AspNetCore.Hosting;

namespace Conference.Server.Tests.Identity;

/// <summary>Join links carry a real code: they must point where the operator says, never where a request's Host header says.</summary>
public class JoinLinkTests(DatabaseKind kind) : ApiTestBase(kind)
{
    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Auth:PublicBaseUrl"] = "https://conference.example.org/",
    };

    [Test]
    public async Task JoinLink_IsBuiltFromThePublicBaseUrl_WhateverTheHostHeader()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Aysel Guest", "AZ", "attendee");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conferences/{conference.Id}/participants/{person.Id}/invitations")
        {
            Content = JsonContent.Create(new { }),
        };
        request.Headers.Host = "evil.example.net";

        var link = await Read<InvitationLink>(await Organizer.SendAsync(request));

        Assert.That(link.JoinUrl, Is.EqualTo($"https://conference.example.org/join#code={Uri.EscapeDataString(link.Code)}"));
    }

    [Test]
    public async Task Production_WithoutAPublicAddress_RefusesToIssueLinks()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Aysel Guest", "AZ", "attendee");
        await using var production = Host.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Auth:PublicBaseUrl", "");
        });
        using var organizer = production.CreateClient();
        organizer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiHost.OrganizerKey);

        var problem = await Problem(
            await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations", new { }),
            HttpStatusCode.ServiceUnavailable);
        Assert.That((string?)problem["detail"], Does.Contain("Auth:PublicBaseUrl"));
    }

    [Test]
    public async Task Production_WithAJoinLinkBase_UsesIt()
    {
        var conference = await CreateConferenceAsync();
        var person = await AddParticipantAsync(conference.Id, "Aysel Guest", "AZ", "attendee");
        await using var production = Host.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Auth:PublicBaseUrl", "");
            builder.UseSetting("Auth:JoinLinkBase", "https://events.example.org/open");
        });
        using var organizer = production.CreateClient();
        organizer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiHost.OrganizerKey);

        var link = await Read<InvitationLink>(await organizer.PostAsJsonAsync($"/api/conferences/{conference.Id}/participants/{person.Id}/invitations", new { }));
        Assert.That(link.JoinUrl, Does.StartWith("https://events.example.org/open#code="));
    }
}
