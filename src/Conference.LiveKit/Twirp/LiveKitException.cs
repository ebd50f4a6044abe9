using System.Net;

namespace Conference.LiveKit;

/// <summary>
/// A LiveKit Twirp call failed: the server answered with a Twirp error (or a plain-text 401 from its
/// auth layer), or the call never got an answer (then <see cref="HttpStatus"/> is null).
/// </summary>
public sealed class LiveKitException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The Twirp error code, e.g. <c>not_found</c>.</param>
    /// <param name="message">The server's message.</param>
    /// <param name="httpStatus">The HTTP status, or null when no response arrived.</param>
    /// <param name="meta">The Twirp <c>meta</c> map.</param>
    /// <param name="innerException">The transport error, if any.</param>
    public LiveKitException(
        string code, string message, HttpStatusCode? httpStatus, IReadOnlyDictionary<string, string>? meta = null, Exception? innerException = null)
        : base($"LiveKit {code}: {message}", innerException)
    {
        Code = code;
        ServerMessage = message;
        HttpStatus = httpStatus;
        Meta = meta ?? new Dictionary<string, string>();
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LiveKitException()
        : this(TwirpErrorCodes.Unknown, "LiveKit call failed.", null)
    {
    }

    /// <summary>Creates the exception with a message and code <c>unknown</c>.</summary>
    /// <param name="message">What went wrong.</param>
    public LiveKitException(string message)
        : this(TwirpErrorCodes.Unknown, message, null)
    {
    }

    /// <summary>Creates the exception with a message, code <c>unknown</c> and the cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LiveKitException(string message, Exception innerException)
        : this(TwirpErrorCodes.Unknown, message, null, null, innerException)
    {
    }

    /// <summary>The Twirp error code (<see cref="TwirpErrorCodes"/>).</summary>
    public string Code { get; }

    /// <summary>The message as the server sent it.</summary>
    public string ServerMessage { get; }

    /// <summary>The HTTP status, or null when the call never got a response.</summary>
    public HttpStatusCode? HttpStatus { get; }

    /// <summary>The Twirp <c>meta</c> map; empty when the server sent none.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; }
}
