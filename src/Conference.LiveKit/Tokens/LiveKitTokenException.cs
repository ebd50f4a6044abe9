namespace Conference.LiveKit;

/// <summary>A LiveKit token (or a webhook's signature) failed verification.</summary>
public sealed class LiveKitTokenException : Exception
{
    /// <summary>Creates the exception with the reason the token was rejected.</summary>
    /// <param name="message">Why the token was rejected.</param>
    public LiveKitTokenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the underlying error.</summary>
    /// <param name="message">Why the token was rejected.</param>
    /// <param name="innerException">The error that caused the rejection.</param>
    public LiveKitTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LiveKitTokenException()
        : base("The LiveKit token is invalid.")
    {
    }
}
