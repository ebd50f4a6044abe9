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
        // An upload endpoint streams its body to disk and enforces its own, much larger limit while reading.
        if (context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is { MaxRequestBodySize: null })
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } unlimited)
            {
                unlimited.MaxRequestBodySize = null;
            }

            await next(context);
            return;
        }

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
