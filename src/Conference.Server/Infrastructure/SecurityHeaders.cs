namespace Conference.Server.Infrastructure;

/// <summary>
/// Headers every response carries. The content security policy fits the web app served from this origin
/// (its scripts, styles, fonts and media all from here; pictures and recordings also as data:/blob: URLs;
/// the hub on this origin; the LiveKit server's origins when LiveKit is the provider, since the browser talks
/// to it directly) and forbids framing, plugins, foreign forms and base URLs. API responses are never stored by
/// caches: they carry session tokens, join codes and live state.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, string appPolicy, string referencePolicy)
{
    /// <summary>Where the interactive API reference (Scalar) is served.</summary>
    public const string ReferencePath = "/api/reference";

    public static string AppPolicy(IEnumerable<string> mediaOrigins)
    {
        var connect = string.Join(' ', new[] { "'self'" }.Concat(mediaOrigins));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; "
            + $"connect-src {connect}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    }

    /// <summary>
    /// The API reference page is Scalar's: its HTML starts the bundled script with an inline configuration script
    /// and the script injects its own style elements, so that page alone allows inline scripts and styles. It shows
    /// only the public OpenAPI document and holds no credentials of its own, and it keeps every other restriction.
    /// </summary>
    public static string ReferencePolicy() =>
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>The ws(s) and http(s) origins of a LiveKit URL: the browser SDK opens both (signalling and its HTTP checks).</summary>
    public static IReadOnlyList<string> MediaOrigins(string? liveKitUrl)
    {
        if (string.IsNullOrWhiteSpace(liveKitUrl) || !Uri.TryCreate(liveKitUrl, UriKind.Absolute, out var uri))
        {
            return [];
        }

        var secure = uri.Scheme is "wss" or "https";
        var authority = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        return secure ? [$"wss://{authority}", $"https://{authority}"] : [$"ws://{authority}", $"http://{authority}"];
    }

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = path.StartsWithSegments(ReferencePath, StringComparison.OrdinalIgnoreCase) ? referencePolicy : appPolicy;
            headers.Remove("Server");
            if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
