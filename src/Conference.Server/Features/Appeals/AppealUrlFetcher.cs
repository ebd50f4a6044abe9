using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Conference.Server.Features.Appeals;

/// <summary>Resolves host names for <see cref="AppealUrlFetcher"/>; a test replaces it to play a DNS answer.</summary>
public class HostAddressResolver
{
    public virtual Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>
/// Fetches a video a producer named by URL and stages it through <see cref="AppealIntake"/> (streamed, size
/// limit enforced while streaming, the same FFmpeg checks). Against server-side request forgery, the check
/// sits in the connection itself: every connection, also one a redirect opens, resolves the host once,
/// refuses it when ANY of its addresses is not public, and connects to exactly the addresses it checked, so
/// a DNS answer that changes between check and connect (rebinding) cannot slip through. No proxy is used:
/// it would connect on our behalf to addresses we never saw.
/// </summary>
public sealed class AppealUrlFetcher : IDisposable
{
    private const int MaxRedirects = 5;

    private readonly HttpClient _client;
    private readonly AppealIntake _intake;
    private readonly AppealOptions _options;

    public AppealUrlFetcher(AppealIntake intake, HostAddressResolver resolver, IOptions<AppealOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resolver);
        _intake = intake;
        _options = options.Value;
        var allowPrivate = _options.AllowPrivateUrls;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = MaxRedirects,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = (context, cancellationToken) => ConnectCheckedAsync(resolver, allowPrivate, context.DnsEndPoint, cancellationToken),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("ConferenceAppealFetcher/1.0");
    }

    public async Task<StagedVideo> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.UrlFetchTimeout);
        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new MediaRejectedException(MediaProblem.Unreachable,
                    $"The address answered {(int)response.StatusCode} {response.ReasonPhrase} instead of a video.");
            }

            if (response.Content.Headers.ContentLength > _intake.MaxBytes)
            {
                throw new MediaRejectedException(MediaProblem.TooLarge,
                    $"The video at that address is larger than the limit of {_intake.MaxBytes / (1024 * 1024)} MB.");
            }

            if (response.Content.Headers.ContentType?.MediaType is { } type
                && (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase)))
            {
                throw new MediaRejectedException(MediaProblem.NotVideo, $"The address serves a {type} document, not a video file.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            return await _intake.StageAsync(body, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MediaRejectedException(MediaProblem.Unreachable,
                $"The address did not deliver the whole video within {_options.UrlFetchTimeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException exception)
        {
            throw Unwrap(exception) ?? new MediaRejectedException(MediaProblem.Unreachable, Unreachable(exception));
        }
        catch (IOException exception) when (exception is HttpIOException || exception.InnerException is SocketException)
        {
            // Only the network's failures: a local disk that fails while staging stays a server error.
            throw new MediaRejectedException(MediaProblem.Unreachable, "The connection broke off while the video was downloading.");
        }
    }

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectCheckedAsync(
        HostAddressResolver resolver, bool allowPrivate, DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await resolver.ResolveAsync(endpoint.Host, cancellationToken);
        }
        catch (SocketException)
        {
            throw new MediaRejectedException(MediaProblem.Unreachable, $"The host name '{endpoint.Host}' does not resolve.");
        }

        if (addresses.Length == 0)
        {
            throw new MediaRejectedException(MediaProblem.Unreachable, $"The host name '{endpoint.Host}' does not resolve.");
        }

        if (!allowPrivate)
        {
            foreach (var address in addresses)
            {
                if (NetworkAddressPolicy.ForbiddenKind(address) is { } kind)
                {
                    throw new MediaRejectedException(MediaProblem.ForbiddenAddress,
                        $"'{endpoint.Host}' resolves to {address}, a {kind} address; the server fetches videos from public addresses only.");
                }
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static MediaRejectedException? Unwrap(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is MediaRejectedException rejected)
            {
                return rejected;
            }
        }

        return null;
    }

    /// <summary>Says what failed without repeating the socket's text, which may name internal addresses.</summary>
    private static string Unreachable(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "The address's host name does not resolve.",
        HttpRequestError.SecureConnectionError => "The address's secure connection (TLS) failed.",
        HttpRequestError.ConnectionError => "The address does not answer: the connection was refused or failed.",
        _ => "The address did not answer with a video.",
    };
}
