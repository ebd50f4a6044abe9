using System.Security.Claims;

namespace Conference.Server.Identity;

/// <summary>Who is calling, as far as access decisions are concerned.</summary>
public sealed record Caller(bool IsAuthenticated, bool IsOrganizer)
{
    public static readonly Caller Anonymous = new(false, false);

    public static Caller From(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? new Caller(true, user.IsInRole(Roles.Organizer))
            : Anonymous;
}

public static class Roles
{
    public const string Organizer = "organizer";
}

public interface ICallerAccessor
{
    Caller Current { get; }
}

/// <summary>Reads the caller from the current HTTP request or hub connection.</summary>
public sealed class HttpCallerAccessor(IHttpContextAccessor http) : ICallerAccessor
{
    public Caller Current => Caller.From(http.HttpContext?.User);
}
