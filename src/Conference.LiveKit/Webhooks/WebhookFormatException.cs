namespace Conference.LiveKit;

/// <summary>A correctly signed webhook whose body is not a LiveKit event: not JSON, not UTF-8, or holding values out of range.</summary>
public sealed class WebhookFormatException : Exception
{
    /// <summary>Creates the exception with the reason the body was refused.</summary>
    /// <param name="message">Why the body was refused.</param>
    public WebhookFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the underlying error.</summary>
    /// <param name="message">Why the body was refused.</param>
    /// <param name="innerException">The parser's error.</param>
    public WebhookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public WebhookFormatException()
        : base("The webhook body is not a LiveKit event.")
    {
    }
}
