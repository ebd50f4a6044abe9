using Conference.Server.Identity;
using MediatR;

namespace Conference.Server.Features.Organizer;

/// <summary>The organizer's sign-in: <c>POST /api/organizer/session</c>.</summary>
public static class OrganizerEndpoints
{
    public static IEndpointRouteBuilder MapOrganizerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/organizer/session", (SignInOrganizer request, IMediator m, CancellationToken ct) => m.Send(request, ct))
            .WithTags("Organizer")
            .WithName(nameof(SignInOrganizer))
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<FailedJoinLimit>().InvokeAsync(context, next))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }
}
