using FluentValidation;
using MediatR;

namespace Conference.Server.Features.Show;

public static class ShowSetup
{
    /// <summary>
    /// The shared handler and revision rule, closed over each show request: the container cannot map
    /// <c>IRequestHandler&lt;T, LiveShowState&gt;</c> to a one-parameter open generic, so it is done here, once.
    /// </summary>
    public static IServiceCollection AddShowFeature(this IServiceCollection services)
    {
        foreach (var request in typeof(ShowRequest).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.IsSubclassOf(typeof(ShowRequest))))
        {
            services.AddScoped(
                typeof(IRequestHandler<,>).MakeGenericType(request, typeof(LiveShowState)), typeof(ShowCommandHandler<>).MakeGenericType(request));
            services.AddSingleton(typeof(IValidator<>).MakeGenericType(request), typeof(ShowRevisionValidator<>).MakeGenericType(request));
        }

        return services;
    }
}
