using System.Net;

namespace Conference.LiveKit;

/// <summary>The Twirp error codes LiveKit uses, and the HTTP status each one travels with.</summary>
public static class TwirpErrorCodes
{
    /// <summary>The request was cancelled.</summary>
    public const string Canceled = "canceled";

    /// <summary>An unknown error.</summary>
    public const string Unknown = "unknown";

    /// <summary>An argument was invalid.</summary>
    public const string InvalidArgument = "invalid_argument";

    /// <summary>The request could not be decoded.</summary>
    public const string Malformed = "malformed";

    /// <summary>The operation timed out.</summary>
    public const string DeadlineExceeded = "deadline_exceeded";

    /// <summary>The entity was not found.</summary>
    public const string NotFound = "not_found";

    /// <summary>The route does not exist.</summary>
    public const string BadRoute = "bad_route";

    /// <summary>The entity already exists.</summary>
    public const string AlreadyExists = "already_exists";

    /// <summary>The caller lacks permission.</summary>
    public const string PermissionDenied = "permission_denied";

    /// <summary>The caller is not authenticated (also: a grant is missing).</summary>
    public const string Unauthenticated = "unauthenticated";

    /// <summary>A quota or limit was hit.</summary>
    public const string ResourceExhausted = "resource_exhausted";

    /// <summary>The system is not in the state the operation needs.</summary>
    public const string FailedPrecondition = "failed_precondition";

    /// <summary>The operation was aborted.</summary>
    public const string Aborted = "aborted";

    /// <summary>A value was out of range.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>The operation is not implemented.</summary>
    public const string Unimplemented = "unimplemented";

    /// <summary>An internal server error.</summary>
    public const string Internal = "internal";

    /// <summary>The service is unavailable.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>Data was lost.</summary>
    public const string DataLoss = "data_loss";

    /// <summary>The HTTP status Twirp sends for a code.</summary>
    /// <param name="code">A Twirp error code.</param>
    /// <returns>The matching HTTP status; 500 for codes it does not know.</returns>
    public static HttpStatusCode ToHttpStatus(string code) => code switch
    {
        InvalidArgument or Malformed or OutOfRange => HttpStatusCode.BadRequest,
        Unauthenticated => HttpStatusCode.Unauthorized,
        PermissionDenied => HttpStatusCode.Forbidden,
        NotFound or BadRoute => HttpStatusCode.NotFound,
        Canceled or DeadlineExceeded => HttpStatusCode.RequestTimeout,
        AlreadyExists or Aborted => HttpStatusCode.Conflict,
        FailedPrecondition => HttpStatusCode.PreconditionFailed,
        ResourceExhausted => HttpStatusCode.TooManyRequests,
        Unimplemented => HttpStatusCode.NotImplemented,
        Unavailable => HttpStatusCode.ServiceUnavailable,
        _ => HttpStatusCode.InternalServerError,
    };

    /// <summary>The code to report when a response carried no Twirp body (e.g. the auth layer's plain-text 401).</summary>
    /// <param name="status">The HTTP status received.</param>
    /// <returns>The closest Twirp code.</returns>
    public static string FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => InvalidArgument,
        HttpStatusCode.Unauthorized => Unauthenticated,
        HttpStatusCode.Forbidden => PermissionDenied,
        HttpStatusCode.NotFound => BadRoute,
        HttpStatusCode.RequestTimeout => DeadlineExceeded,
        HttpStatusCode.Conflict => Aborted,
        HttpStatusCode.PreconditionFailed => FailedPrecondition,
        HttpStatusCode.TooManyRequests => ResourceExhausted,
        HttpStatusCode.NotImplemented => Unimplemented,
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => Unavailable,
        _ => (int)status >= 500 ? Internal : Unknown,
    };
}
