namespace Conference.LiveKit;

/// <summary>
/// Marks each outgoing request with whether it may be retried. The LiveKit server does not
/// de-duplicate requests, so a retried SendData or CreateIngress could run twice; every client method
/// states its idempotency explicitly and the retry predicate reads only this flag.
/// </summary>
public static class LiveKitRequestPolicy
{
    /// <summary>The request option that is true when replaying the request cannot change the outcome.</summary>
    public static readonly HttpRequestOptionsKey<bool> IsIdempotent = new("Conference.LiveKit.IsIdempotent");

    /// <summary>Whether a request was marked idempotent; unmarked requests are not.</summary>
    /// <param name="request">The outgoing request.</param>
    /// <returns>True only if the request carries the idempotent flag set to true.</returns>
    public static bool IsMarkedIdempotent(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(IsIdempotent, out bool idempotent) && idempotent;
}
