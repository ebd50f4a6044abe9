using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

using Microsoft.Extensions.Options;

using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Conference.LiveKit;

/// <summary>Sends one Twirp JSON call with a per-call token and turns failures into <see cref="LiveKitException"/>.</summary>
internal sealed class TwirpTransport(IHttpClientFactory httpClientFactory, IOptions<LiveKitOptions> options, TimeProvider timeProvider)
{
    /// <summary>protobuf-JSON as LiveKit's SDKs send it: camelCase, zero values left out, enums by name.</summary>
    internal static readonly JsonSerializerOptions RequestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public async Task<ProtoJson> CallAsync(
        string service, string method, object request, VideoGrant grant, bool idempotent, CancellationToken cancellationToken)
    {
        LiveKitOptions settings = options.Value;
        using HttpRequestMessage message = new(HttpMethod.Post, new Uri(BaseUri(settings.Url), $"twirp/livekit.{service}/{method}"));
        message.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, RequestJson));
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CallToken(settings, grant));
        message.Headers.TryAddWithoutValidation("X-Livekit-Request-Id", Guid.NewGuid().ToString());
        message.Options.Set(LiveKitRequestPolicy.IsIdempotent, idempotent);

        HttpClient http = httpClientFactory.CreateClient(LiveKitServiceCollectionExtensions.HttpClientName);
        try
        {
            using HttpResponseMessage response = await http.SendAsync(message, cancellationToken);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw TwirpErrorReader.Read(response.StatusCode, body);
            }

            return ParseBody(body);
        }
        catch (HttpRequestException ex)
        {
            throw new LiveKitException(TwirpErrorCodes.Unavailable, $"The LiveKit server could not be reached: {ex.Message}", null, null, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new LiveKitException(TwirpErrorCodes.DeadlineExceeded, "The LiveKit call timed out.", null, null, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new LiveKitException(TwirpErrorCodes.Unavailable, "The LiveKit circuit is open after repeated failures.", null, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LiveKitException(TwirpErrorCodes.DeadlineExceeded, "The LiveKit call timed out.", null, null, ex);
        }
    }

    /// <summary>LiveKit URLs are often given as the client's <c>wss://</c> address; the API is the same host over HTTP.</summary>
    internal static Uri BaseUri(string url)
    {
        string http = url.StartsWith("ws", StringComparison.OrdinalIgnoreCase) ? "http" + url[2..] : url;
        return new Uri(http.EndsWith('/') ? http : http + "/", UriKind.Absolute);
    }

    private string CallToken(LiveKitOptions settings, VideoGrant grant) =>
        new AccessToken(settings.ApiKey, settings.ApiSecret) { Video = grant, TimeToLive = settings.CallTokenTimeToLive }.ToJwt(timeProvider);

    private static ProtoJson ParseBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return default;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return new ProtoJson(document.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            throw new LiveKitException(TwirpErrorCodes.Malformed, "The LiveKit response is not JSON.", HttpStatusCode.OK, null, ex);
        }
    }
}
