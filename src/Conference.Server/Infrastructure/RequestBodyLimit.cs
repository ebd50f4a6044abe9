using Microsoft.AspNetCore.Http.Features;

namespace Conference.Server.Infrastructure;

/// <summary>
/// Refuses oversized bodies up front with 413 problem details. Kestrel enforces the same
/// limit on bodies without a Content-Length while they are read.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, long maxBytes)
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes;
        }

        if (context.Request.ContentLength > maxBytes)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        await next(context);
    }
}
