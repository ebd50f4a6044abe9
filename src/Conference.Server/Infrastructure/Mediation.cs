using System.Reflection;
using FluentValidation;
using MediatR;

namespace Conference.Server.Infrastructure;

/// <summary>
/// MediatR 5.1.0 registration by hand: its DI extension package does not restore here
/// (see docs/decisions/0001-mediatr-5.md). Behaviors run in the order registered, outermost first;
/// a feature's own behavior (the program-change notice) is registered by its feature after these, so it runs innermost.
/// </summary>
public static class Mediation
{
    public static IServiceCollection AddMediation(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        var handlerInterfaces = new[] { typeof(IRequestHandler<,>), typeof(INotificationHandler<>) };
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces()
                .Where(i => i.IsGenericType && handlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(contract, type);
            }
        }

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);
        return services;
    }
}
