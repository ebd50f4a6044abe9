using System.Text;
using Microsoft.Net.Http.Headers;

namespace Conference.Server.Infrastructure;

/// <summary>
/// Refuses a body whose declared charset the server does not read, with 415 problem details, before
/// any endpoint tries to transcode it. JSON is UTF-8 by definition (RFC 8259); a declared
/// <c>charset=utf-8</c> (or none) is fine, anything else (<c>ebcdic</c>, <c>latin1</c>, an unknown name)
/// is refused rather than guessed at. Text bodies (a CSV roster) are read as UTF-8 too.
/// </summary>
public sealed class RequestCharset(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        MediaTypeHeaderValue? parsed = null;
        if (!string.IsNullOrEmpty(contentType)
            && MediaTypeHeaderValue.TryParse(contentType, out parsed)
            && parsed.Charset is { Length: > 0 } charset
            && !IsUtf8(charset.Value!)
            && ReadsAsText(parsed.MediaType.Value))
        {
            throw new BadHttpRequestException(
                $"The body's charset '{Printable(charset.Value!)}' is not supported: send UTF-8 (charset=utf-8, or no charset).",
                StatusCodes.Status415UnsupportedMediaType);
        }

        // A quoted charset ("utf-8" in quotes, which RFC 9110 allows) is UTF-8 too, but the framework's body
        // readers cannot resolve it; the header is given to them in its plain spelling.
        if (parsed?.Charset is { Length: > 0 } quoted && quoted.Value!.StartsWith('"') && IsUtf8(quoted.Value))
        {
            parsed.Charset = "utf-8";
            context.Request.ContentType = parsed.ToString();
        }

        return next(context);
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)
        || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static bool ReadsAsText(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase));

    /// <summary>The charset echoed in the message, cut short and without anything that is not printable ASCII.</summary>
    private static string Printable(string charset)
    {
        var builder = new StringBuilder();
        foreach (var c in charset.Take(40))
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }
}
