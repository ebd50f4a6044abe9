using System.Net;
using Conference.Server.Features.Appeals;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Conference.Server.Tests.Appeals;

/// <summary>Which addresses "add by URL" may reach, and that every address a host name resolves to is checked.</summary>
public class NetworkAddressPolicyTests
{
    [TestCase("127.0.0.1", "loopback")]
    [TestCase("127.255.1.2", "loopback")]
    [TestCase("::1", "loopback")]
    [TestCase("::ffff:127.0.0.1", "loopback")]
    [TestCase("10.20.30.40", "private")]
    [TestCase("172.16.0.1", "private")]
    [TestCase("172.31.255.255", "private")]
    [TestCase("192.168.1.1", "private")]
    [TestCase("fd12:3456::1", "private")]
    [TestCase("169.254.169.254", "link-local")]
    [TestCase("fe80::1", "link-local")]
    [TestCase("224.0.0.251", "multicast")]
    [TestCase("ff02::1", "multicast")]
    [TestCase("0.0.0.0", "unspecified")]
    [TestCase("255.255.255.255", "reserved")]
    [TestCase("100.64.0.1", "private (carrier-grade NAT)")]
    [TestCase("64:ff9b::10.0.0.1", "private")]
    [TestCase("2002:7f00:1::1", "loopback")]
    public void ForbiddenKind_NonPublicAddress_SaysWhatItIs(string address, string kind) =>
        Assert.That(NetworkAddressPolicy.ForbiddenKind(IPAddress.Parse(address)), Is.EqualTo(kind));

    [TestCase("93.184.216.34")]
    [TestCase("172.32.0.1")]
    [TestCase("8.8.8.8")]
    [TestCase("2a00:1450:4001:81b::200e")]
    [TestCase("64:ff9b::8.8.8.8")]
    public void ForbiddenKind_PublicAddress_IsNull(string address) =>
        Assert.That(NetworkAddressPolicy.ForbiddenKind(IPAddress.Parse(address)), Is.Null);

    [Test]
    public async Task Fetch_HostResolvingToAPublicAndAPrivateAddress_IsRefusedWithoutConnecting()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"conference-url-{Guid.NewGuid():N}");
        var options = Options.Create(new AppealOptions { StoragePath = folder });
        var storage = new LocalAppealStorage(options, new HostingEnvironment { ContentRootPath = folder });
        var resolver = new ScriptedResolver(IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.7"));
        using var fetcher = new AppealUrlFetcher(new AppealIntake(storage, new VideoInspector(options), options), resolver, options);
        try
        {
            var refused = Assert.ThrowsAsync<MediaRejectedException>(() => fetcher.FetchAsync(new Uri("http://videos.example.org/appeal.mp4"), CancellationToken.None));

            Assert.That(refused!.Problem, Is.EqualTo(MediaProblem.ForbiddenAddress));
            Assert.That(refused.Message, Does.Contain("10.0.0.7").And.Contain("private"));
            Assert.That(resolver.Asked, Is.EqualTo(new[] { "videos.example.org" }), "resolved once: what was checked is what would be connected to");
            Assert.That(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories), Is.Empty);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class ScriptedResolver(params IPAddress[] answer) : HostAddressResolver
    {
        public List<string> Asked { get; } = [];

        public override Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            Asked.Add(host);
            return Task.FromResult(answer);
        }
    }
}
