using System.Net;

namespace Conference.LiveKit.Emulator;

/// <summary>One request the emulator received, in arrival order, with what it answered.</summary>
/// <param name="Service">The Twirp service, e.g. <c>RoomService</c>.</param>
/// <param name="Method">The Twirp method, e.g. <c>CreateRoom</c>.</param>
/// <param name="Body">The raw request body.</param>
/// <param name="ReceivedAt">When it arrived, by the emulator's clock.</param>
/// <param name="Status">The HTTP status the emulator answered with.</param>
public sealed record RecordedCall(string Service, string Method, string Body, DateTimeOffset ReceivedAt, HttpStatusCode Status);
