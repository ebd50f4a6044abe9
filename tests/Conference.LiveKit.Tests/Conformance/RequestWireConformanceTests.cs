using System.Net.Http.Headers;
using System.Text.Json.Nodes;

using Conference.LiveKit.Tests.Support;

namespace Conference.LiveKit.Tests.Conformance;

/// <summary>
/// The JS SDK and the C# client make the same calls against one capture server; what each sent is
/// compared as LiveKit's @livekit/protocol parses it, and every C# body must pass strict parsing.
/// </summary>
[NonParallelizable]
public sealed class RequestWireConformanceTests
{
    private const string Key = "APIwireKey";
    private const string Secret = "wire-secret-that-is-long-enough-0123456789";

    private static readonly Dictionary<string, string> RequestTypes = new()
    {
        ["livekit.RoomService/CreateRoom"] = "CreateRoomRequest",
        ["livekit.RoomService/ListRooms"] = "ListRoomsRequest",
        ["livekit.RoomService/DeleteRoom"] = "DeleteRoomRequest",
        ["livekit.RoomService/ListParticipants"] = "ListParticipantsRequest",
        ["livekit.RoomService/GetParticipant"] = "RoomParticipantIdentity",
        ["livekit.RoomService/RemoveParticipant"] = "RoomParticipantIdentity",
        ["livekit.RoomService/MutePublishedTrack"] = "MuteRoomTrackRequest",
        ["livekit.RoomService/UpdateParticipant"] = "UpdateParticipantRequest",
        ["livekit.RoomService/UpdateRoomMetadata"] = "UpdateRoomMetadataRequest",
        ["livekit.RoomService/SendData"] = "SendDataRequest",
        ["livekit.Ingress/CreateIngress"] = "CreateIngressRequest",
        ["livekit.Ingress/ListIngress"] = "ListIngressRequest",
        ["livekit.Ingress/DeleteIngress"] = "DeleteIngressRequest",
        ["livekit.Egress/StartRoomCompositeEgress"] = "RoomCompositeEgressRequest",
        ["livekit.Egress/StopEgress"] = "StopEgressRequest",
        ["livekit.Egress/ListEgress"] = "ListEgressRequest",
    };

    private IReadOnlyList<CapturedRequest> _js = [];
    private IReadOnlyList<CapturedRequest> _cs = [];
    private IReadOnlyList<CapturedRequest> _csVariants = [];

    [OneTimeSetUp]
    public async Task CaptureBothClients()
    {
        await using CaptureServer server = await CaptureServer.StartAsync();
        JsonNode js = await NodeScripts.RunAsync("wire.mjs", new { url = server.Url.ToString(), apiKey = Key, apiSecret = Secret });
        Assert.That(js["errors"]!.AsArray(), Is.Empty, "the JS clients accepted the capture server's {} answers");
        _js = server.TakeRequests();

        using LiveKitTestHost host = new(server.Url, apiKey: Key, apiSecret: Secret);
        await CallSequence.RunMirrorOfWireScriptAsync(host.Rooms, host.Ingress, host.Egress);
        _cs = server.TakeRequests();
        await CallSequence.RunRemainingFieldVariantsAsync(host.Rooms, host.Ingress, host.Egress);
        _csVariants = server.TakeRequests();
    }

    [Test]
    public void BothClients_SendTheSameMethodsPathsAndContentTypes()
    {
        Assert.That(_cs.Select(Route), Is.EqualTo(_js.Select(Route)));
        Assert.That(_js, Has.Count.EqualTo(17));
        Assert.Multiple(() =>
        {
            foreach ((CapturedRequest js, CapturedRequest cs) in _js.Zip(_cs))
            {
                Assert.That(cs.Method, Is.EqualTo(js.Method).And.EqualTo("POST"), js.Path);
                Assert.That(MediaType(cs.ContentType), Is.EqualTo(MediaType(js.ContentType)).And.EqualTo("application/json"), js.Path);
                Assert.That(cs.Authorization, Does.StartWith("Bearer "), js.Path);
            }
        });
    }

    [Test]
    public void BothClients_SignEachCallWithTheSameGrants()
    {
        TokenVerifier verifier = new(Key, Secret);
        Assert.Multiple(() =>
        {
            foreach ((CapturedRequest js, CapturedRequest cs) in _js.Zip(_cs))
            {
                JsonNode? jsVideo = RawJwt.Payload(Bearer(js))["video"];
                JsonNode? csVideo = RawJwt.Payload(Bearer(cs))["video"];
                Assert.That(JsonNode.DeepEquals(csVideo, jsVideo), Is.True, $"{js.Path}: JS {jsVideo?.ToJsonString()} C# {csVideo?.ToJsonString()}");
                LiveKitClaims claims = verifier.Verify(Bearer(cs));
                Assert.That(claims.ExpiresAt - claims.NotBefore!.Value, Is.EqualTo(TimeSpan.FromMinutes(10)), js.Path);
            }
        });
    }

    [Test]
    public async Task BothClients_SendBodiesThatLiveKitProtocolParsesToTheSameValues()
    {
        JsonArray jsParsed = await ParseAsync(_js, strict: true);
        JsonArray csParsed = await ParseAsync(_cs, strict: true);

        Assert.Multiple(() =>
        {
            for (int i = 0; i < _js.Count; i++)
            {
                JsonNode js = Canonical(jsParsed[i]!, _js[i]);
                JsonNode cs = Canonical(csParsed[i]!, _cs[i]);
                Assert.That(JsonNode.DeepEquals(cs, js), Is.True, $"{_js[i].Path}: JS {js.ToJsonString()} C# {cs.ToJsonString()}");
            }
        });
    }

    [Test]
    public async Task EveryCSharpBody_PassesStrictProtocolParsing()
    {
        CapturedRequest[] all = [.. _cs, .. _csVariants];

        JsonArray parsed = await ParseAsync(all, strict: true);

        Assert.Multiple(() =>
        {
            for (int i = 0; i < all.Length; i++)
            {
                Assert.That((bool)parsed[i]!["ok"]!, Is.True, $"{all[i].Path} {all[i].Body}: {parsed[i]!["error"]}");
            }
        });
        Assert.That(all.Select(Route).Distinct(), Is.EquivalentTo(RequestTypes.Keys), "every method the client has was checked");
    }

    [Test]
    public async Task StrictParsing_WhenAFieldIsMisspelled_Fails()
    {
        CapturedRequest misspelled = new("POST", "/twirp/livekit.RoomService/MutePublishedTrack", "application/json", "", """{"room":"conf-1","identity":"alice","trackSID":"TR_1","muted":true}""");

        JsonArray parsed = await ParseAsync([misspelled], strict: true);

        Assert.That((bool)parsed[0]!["ok"]!, Is.False, "a control: strict mode must catch what the server would silently drop");
    }

    [Test]
    public async Task EnumsAndBytes_AreWrittenAsLiveKitExpects()
    {
        JsonArray parsed = await ParseAsync(_csVariants, strict: true);
        JsonNode permission = parsed[1]!["json"]!["permission"]!;
        JsonNode egress = parsed[5]!["json"]!;

        Assert.Multiple(() =>
        {
            Assert.That(permission["canPublishSources"]!.ToJsonString(), Is.EqualTo("""["CAMERA","MICROPHONE","SCREEN_SHARE","SCREEN_SHARE_AUDIO"]"""));
            Assert.That((bool?)permission["canUpdateMetadata"], Is.True);
            Assert.That((bool?)permission["hidden"], Is.True);
            Assert.That((bool?)permission["recorder"], Is.True, "kept, so an update never clears it");
            Assert.That((bool?)permission["agent"], Is.True);
            Assert.That((bool?)permission["canManageAgentSession"], Is.True);
            Assert.That((bool?)parsed[6]!["json"]!["active"], Is.True);
            Assert.That((string?)egress["fileOutputs"]![0]!["fileType"], Is.EqualTo("OGG"));
            Assert.That((bool?)egress["fileOutputs"]![0]!["disableManifest"], Is.True);
        });
    }

    private static async Task<JsonArray> ParseAsync(IEnumerable<CapturedRequest> requests, bool strict)
    {
        object[] items = [.. requests.Select(r => new { type = RequestTypes[Route(r)], body = r.Body, strict })];
        JsonNode result = await NodeScripts.RunAsync("protocol.mjs", new { items });
        return result["results"]!.AsArray();
    }

    /// <summary>SendData carries a random 16-byte nonce on both sides; check its size, then leave it out of the comparison.</summary>
    private static JsonNode Canonical(JsonNode parsed, CapturedRequest request)
    {
        Assert.That((bool)parsed["ok"]!, Is.True, $"{request.Path} {request.Body}: {parsed["error"]}");
        JsonObject json = parsed["json"]!.DeepClone().AsObject();
        if (request.Path.EndsWith("/SendData", StringComparison.Ordinal))
        {
            Assert.That(Convert.FromBase64String((string)json["nonce"]!), Has.Length.EqualTo(16), request.Path);
            json.Remove("nonce");
        }

        return json;
    }

    private static string Route(CapturedRequest request) => request.Path["/twirp/".Length..];

    private static string Bearer(CapturedRequest request) => request.Authorization["Bearer ".Length..];

    private static string? MediaType(string? contentType) => contentType is null ? null : MediaTypeHeaderValue.Parse(contentType).MediaType;
}
