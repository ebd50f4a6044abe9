namespace Conference.Server.Identity;

/// <summary>
/// A request that presents a credential which does not authenticate (expired, revoked, tampered,
/// or a wrong key) gets 401 even on public endpoints, rather than quietly being treated as
/// anonymous: the client learns at once that it must sign in again.
/// </summary>
public sealed class InvalidCredentialRejection(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true && BearerCredential.Read(context.Request) is not null)
        {
            throw new AccessDeniedException(
                context.Items[SessionValidity.RefusalItem] as string
                ?? "The session token or key is invalid, expired or revoked. Open your invitation link again or ask the organizer for a new one.",
                authenticated: false);
        }

        return next(context);
    }
}
