using System.Reflection;
using Conference.Server.Identity;
using Conference.Server.Infrastructure;
using MediatR;

namespace Conference.Server.Tests.Identity;

/// <summary>
/// Every request the server handles says who may send it, once, on its type: the authorization
/// behavior refuses one that does not, so this test finds it before a caller does.
/// </summary>
public sealed class RequestDeclarationTests
{
    private static IEnumerable<Type> RequestTypes() =>
        typeof(AuthorizationBehavior<,>).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .Where(t => t.GetInterfaces().Any(i => i == typeof(IRequest)
                || (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))));

    [Test]
    public void EveryRequest_DeclaresItsPermissionOrAnonymousAccess()
    {
        var undeclared = RequestTypes()
            .Where(t => t.GetCustomAttribute<RequiresAttribute>(inherit: true) is null
                && !t.IsDefined(typeof(AllowAnonymousRequestAttribute), inherit: true))
            .Select(t => t.FullName)
            .ToList();

        Assert.That(undeclared, Is.Empty, "Mark each with [Requires(Permission.…)] or [AllowAnonymousRequest].");
    }

    [Test]
    public void EveryRequest_DeclaresAccessOnlyOnce()
    {
        var both = RequestTypes()
            .Where(t => t.GetCustomAttribute<RequiresAttribute>(inherit: true) is not null
                && t.IsDefined(typeof(AllowAnonymousRequestAttribute), inherit: true))
            .Select(t => t.FullName)
            .ToList();

        Assert.That(both, Is.Empty);
    }

    [Test]
    public void RequestsFound_IncludeTheKnownUseCases() =>
        Assert.That(RequestTypes().Select(t => t.Name), Does.Contain("RedeemInvitation").And.Contain("GetConference"));
}
