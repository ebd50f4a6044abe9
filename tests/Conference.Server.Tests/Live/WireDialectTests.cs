using Conference.Domain.Awards;
using System.Buffers;
using System.Text.Json.Nodes;
using Conference.Domain.Show;
using Conference.Server.Live;
using MessagePack;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Conference.Server.Tests.Live;

/// <summary>
/// The server's two hub protocols, as registered, write the same document for every live message and every argument
/// type: same field names, same enum spellings, same fields, same values. A client written from the JSON docs can
/// read MessagePack with a generic decoder.
/// </summary>
public class WireDialectTests
{
    private ServiceProvider _services = null!;
    private IHubProtocol _json = null!;
    private IHubProtocol _messagePack = null!;

    [OneTimeSetUp]
    public void ResolveTheServersProtocols()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConferenceLive();
        _services = services.BuildServiceProvider();
        var protocols = _services.GetServices<IHubProtocol>().ToList();
        _json = protocols.Single(p => p.Name == "json");
        _messagePack = protocols.Single(p => p.Name == "messagepack");
    }

    [OneTimeTearDown]
    public void DisposeServices() => _services.Dispose();

    private static IEnumerable<TestCaseData> Messages() =>
        WireSamples.Messages().Select(m => new TestCaseData(m.Name, m.Value).SetArgDisplayNames(m.Name));

    [TestCaseSource(nameof(Messages))]
    public void EveryMessage_CarriesTheSameDocumentInBothProtocols(string target, object value)
    {
        var json = JsonArgument(_json, target, value);
        var messagePack = MessagePackArgument(_messagePack, target, value);

        Assert.That(FieldPaths(messagePack), Is.EquivalentTo(FieldPaths(json)));
        Assert.That(JsonNode.DeepEquals(messagePack, json), Is.True, $"JSON:        {json}\nMessagePack: {messagePack}");
    }

    [Test]
    public void ShowChanged_SpellsNamesAndEnumsInCamelCase_AndKeepsComputedFields()
    {
        var state = MessagePackArgument(_messagePack, "ShowChanged", WireSamples.Show)!.AsObject();

        Assert.That(state["status"]!.GetValue<string>(), Is.EqualTo("paused"));
        Assert.That(state["conferenceId"]!.GetValue<string>(), Is.EqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        Assert.That(state["segmentStartedAt"]!.GetValue<string>(), Is.EqualTo("2026-12-31T11:01:15+00:00"));
        Assert.That(state["segmentPlannedDuration"]!.GetValue<string>(), Is.EqualTo("00:10:00"));
        Assert.That(state["addedTime"]!.GetValue<string>(), Is.EqualTo("-00:00:30"));
        Assert.That(state["endedAt"], Is.Null);
        Assert.That(state.ContainsKey("endedAt"), Is.True, "a null field is sent as nil, not left out");
        var run = state["runs"]![0]!.AsObject();
        Assert.That(run["endReason"]!.GetValue<string>(), Is.EqualTo("deadline"));
        Assert.That(run["duration"]!.GetValue<string>(), Is.EqualTo("00:01:15"));
    }

    [Test]
    public void Snapshot_KeepsThePlannedEndsAndSpellsKindsAsTheProgramApi()
    {
        var snapshot = MessagePackArgument(_messagePack, "JoinConference", WireSamples.Snapshot)!.AsObject();

        var segment = snapshot["program"]!["segments"]![0]!.AsObject();
        Assert.That(segment["kind"]!.GetValue<string>(), Is.EqualTo("minuteOfSilence"));
        Assert.That(segment["endMode"]!.GetValue<string>(), Is.EqualTo("autoAdvance"));
        Assert.That(segment["plannedEnd"]!.GetValue<string>(), Is.EqualTo("2026-12-31T11:01:00+00:00"));
        Assert.That(snapshot["program"]!["plannedEnd"], Is.Not.Null);
        Assert.That(snapshot["program"]!["segments"]![1]!["mediaDuration"]!.GetValue<string>(), Is.EqualTo("00:01:35.5000000"));
        Assert.That(snapshot["timeline"]!["segments"]![0]!["progress"]!.GetValue<string>(), Is.EqualTo("completed"));
    }

    [Test]
    public void Arguments_OfEveryHubMethod_AreReadFromTheJsonSpelling()
    {
        var binder = new Binder(typeof(IConferenceHub));
        foreach (var method in typeof(IConferenceHub).GetMethods())
        {
            object?[] arguments = [.. method.GetParameters().Select(p => SampleArgument(p.ParameterType))];
            var invocation = new InvocationMessage("1", method.Name, arguments);
            foreach (var protocol in new[] { _json, _messagePack })
            {
                var read = (InvocationMessage)Parse(protocol, protocol.GetMessageBytes(invocation), binder);
                Assert.That(read.Arguments, Is.EqualTo(arguments), $"{method.Name} over {protocol.Name}");
            }

            Assert.That(
                MessagePackArguments(_messagePack, invocation), Is.EqualTo(JsonArguments(_json, invocation)).Using<JsonNode>(JsonNode.DeepEquals),
                method.Name);
        }
    }

    [Test]
    public void Audience_TravelsAsTheCamelCaseName_AndANumberIsRefused()
    {
        var binder = new Binder(typeof(IConferenceHub));
        object?[] arguments = [WireSamples.ConferenceId, 3, MessageAudience.Hosts, "hi"];
        var written = MessagePackArguments(_messagePack, new InvocationMessage("1", "SendMessage", arguments));
        Assert.That(written[2]!.GetValue<string>(), Is.EqualTo("hosts"));

        var numeric = _messagePack.GetMessageBytes(
            new InvocationMessage("1", "SendMessage", [WireSamples.ConferenceId.ToString(), 3, 1, "hi"]));
        var read = Parse(_messagePack, numeric, binder);
        Assert.That(read, Is.InstanceOf<InvocationBindingFailureMessage>());
    }

    private static object SampleArgument(Type type) =>
        type == typeof(Guid) ? WireSamples.SpeechId
        : type == typeof(int) ? 42
        : type == typeof(long) ? WireSamples.Clock.ClientSendTicks
        : type == typeof(MessageAudience) ? MessageAudience.Speakers
        : type == typeof(AwardOutcome) ? AwardOutcome.Deferred
        : type == typeof(string) ? "Wrap up, please"
        : throw new InvalidOperationException($"No sample for hub argument type {type}: add one here.");

    private static JsonNode? JsonArgument(IHubProtocol protocol, string target, object value) =>
        JsonArguments(protocol, new InvocationMessage(target, [value]))[0];

    private static JsonNode? MessagePackArgument(IHubProtocol protocol, string target, object value) =>
        MessagePackArguments(protocol, new InvocationMessage(target, [value]))[0];

    private static List<JsonNode?> JsonArguments(IHubProtocol protocol, InvocationMessage message)
    {
        var frame = protocol.GetMessageBytes(message).Span;
        Assert.That(frame[^1], Is.EqualTo((byte)0x1e), "a JSON frame ends with the record separator");
        return [.. JsonNode.Parse(frame[..^1])!["arguments"]!.AsArray()];
    }

    /// <summary>Decodes the frame with a generic MessagePack reader, knowing nothing of .NET types (as a browser does).</summary>
    private static List<JsonNode?> MessagePackArguments(IHubProtocol protocol, InvocationMessage message)
    {
        var frame = protocol.GetMessageBytes(message);
        var payload = frame[VarIntLength(frame.Span, out var length)..];
        Assert.That(payload.Length, Is.EqualTo(length));
        var envelope = JsonNode.Parse(MessagePackSerializer.ConvertToJson(payload))!.AsArray();
        Assert.That(envelope[0]!.GetValue<int>(), Is.EqualTo(HubProtocolConstants.InvocationMessageType));
        return [.. envelope[4]!.AsArray()];
    }

    private static HubMessage Parse(IHubProtocol protocol, ReadOnlyMemory<byte> frame, IInvocationBinder binder)
    {
        var sequence = new ReadOnlySequence<byte>(frame);
        Assert.That(protocol.TryParseMessage(ref sequence, binder, out var message), Is.True);
        return message!;
    }

    /// <summary>SignalR's MessagePack framing: the payload length as a 7-bit varint, then the payload.</summary>
    private static int VarIntLength(ReadOnlySpan<byte> frame, out int length)
    {
        length = 0;
        for (var i = 0; i < 5; i++)
        {
            length |= (frame[i] & 0x7f) << (7 * i);
            if ((frame[i] & 0x80) == 0)
            {
                return i + 1;
            }
        }

        throw new InvalidDataException("Bad length prefix.");
    }

    /// <summary>Every field path in a document ("runs[].duration"), so a missing or renamed field shows by name.</summary>
    private static List<string> FieldPaths(JsonNode? node, string prefix = "")
    {
        List<string> paths = [];
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    paths.Add(prefix + name);
                    paths.AddRange(FieldPaths(value, prefix + name + "."));
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    paths.AddRange(FieldPaths(item, prefix.TrimEnd('.') + "[]."));
                }

                break;
        }

        return [.. paths.Distinct()];
    }

    /// <summary>Binds invocations to the parameter types of the hub interface, as the server does.</summary>
    private sealed class Binder(Type hub) : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            [.. hub.GetMethod(methodName)!.GetParameters().Select(p => p.ParameterType)];

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
