using System.Net;
using System.Text;
using System.Text.Json;

namespace Conference.LiveKit;

/// <summary>Turns an error response into <see cref="LiveKitException"/>, whether it has a Twirp body or not.</summary>
internal static class TwirpErrorReader
{
    public static LiveKitException Read(HttpStatusCode status, byte[] body)
    {
        string text = Encoding.UTF8.GetString(body).Trim();
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            ProtoJson error = new(document.RootElement);
            string code = error.String("code");
            if (error.IsObject && code.Length > 0)
            {
                return new LiveKitException(code, error.String("msg"), status, error.Map("meta"));
            }
        }
        catch (JsonException)
        {
            // LiveKit's auth middleware answers bad tokens with plain text, so a non-JSON body is expected here.
        }

        string message = text.Length > 0 ? text : $"HTTP {(int)status} without a body";
        return new LiveKitException(TwirpErrorCodes.FromHttpStatus(status), message, status);
    }
}
