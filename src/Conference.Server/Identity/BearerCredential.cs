namespace Conference.Server.Identity;

/// <summary>
/// Where a caller's bearer credential is read from: the <c>Authorization</c> header, or for the
/// SignalR hub (browsers cannot set headers on WebSockets) the <c>access_token</c> query string.
/// </summary>
public static class BearerCredential
{
    public const string HubPathPrefix = "/hubs";

    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            return token.Length == 0 ? null : token;
        }

        if (request.Path.StartsWithSegments(HubPathPrefix, StringComparison.OrdinalIgnoreCase)
            && request.Query.TryGetValue("access_token", out var query)
            && !string.IsNullOrWhiteSpace(query.ToString()))
        {
            return query.ToString();
        }

        return null;
    }

    /// <summary>A JWT has three dot-separated parts; the organizer key never does (it is checked to have none).</summary>
    public static bool IsJwt(string token) => token.Count(c => c == '.') == 2;
}
