using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Conference.Server.Infrastructure;

/// <summary>
/// The web app (src/Conference.Web, built into wwwroot/app) on the same origin as the API: its
/// hashed assets are cached for good, and each page route answers with its HTML file, which is never
/// cached so a new build reaches everyone. Unknown paths stay 404 problem details.
/// </summary>
public static class WebApp
{
    /// <summary>Page routes and the built HTML file each one serves.</summary>
    private static readonly (string Route, string File)[] Pages =
    [
        ("/join", "join.html"),
        ("/submit", "submit.html"),
        ("/e/{conferenceId:guid}", "event.html"),
        ("/e/{conferenceId:guid}/live", "live.html"),
        ("/e/{conferenceId:guid}/stage", "stage.html"),
        ("/e/{conferenceId:guid}/host", "host.html"),
        ("/e/{conferenceId:guid}/producer", "producer.html"),
        ("/organizer", "organizer.html"),
        ("/organizer/{conferenceId:guid}", "organizer.html"),
    ];

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication UseWebAppFiles(this WebApplication app)
    {
        // The build writes .br and .gz copies of the app's text files (scripts/compress.mjs): send the
        // smallest one the browser accepts, compressed once at build time rather than per request.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments("/app", StringComparison.Ordinal))
            {
                var files = app.Environment.WebRootFileProvider;
                var accepted = context.Request.Headers.AcceptEncoding.ToString();
                foreach (var (token, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
                {
                    if (accepted.Contains(token, StringComparison.OrdinalIgnoreCase) && files.GetFileInfo(context.Request.Path + suffix).Exists)
                    {
                        context.Request.Path += suffix;
                        context.Response.Headers[HeaderNames.ContentEncoding] = token;
                        break;
                    }
                }

                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            }

            return next(context);
        });

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".br"] = "application/octet-stream";
        types.Mappings[".gz"] = "application/octet-stream";
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                var path = context.Context.Request.Path.Value ?? "";
                if (headers.ContainsKey(HeaderNames.ContentEncoding) && ContentTypes.TryGetContentType(path[..path.LastIndexOf('.')], out var type))
                {
                    headers[HeaderNames.ContentType] = type;
                }

                // Vite names assets by their content hash: a changed file is a new URL.
                var immutable = context.Context.Request.Path.StartsWithSegments("/app/assets", StringComparison.Ordinal);
                headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        foreach (var (route, file) in Pages)
        {
            app.MapGet(route, (IWebHostEnvironment environment, HttpContext context) => Page(environment.WebRootFileProvider, file, context))
                .ExcludeFromDescription();
        }

        return app;
    }

    private static IResult Page(IFileProvider files, string name, HttpContext context)
    {
        var file = files.GetFileInfo($"app/{name}");
        if (!file.Exists || file.PhysicalPath is null)
        {
            return TypedResults.Problem(
                "The web app is not built: build the server with Node.js available (dotnet build runs npm in src/Conference.Web).",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return TypedResults.PhysicalFile(file.PhysicalPath, "text/html; charset=utf-8");
    }
}
