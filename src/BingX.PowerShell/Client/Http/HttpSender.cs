using System.Net;
using System.Net.Http;
using System.Text;

namespace BingX.PowerShell.Client.Http;

/// <summary>
/// The one owner of the process's HTTP connections: one configured <see cref="SocketsHttpHandler"/> and the
/// HttpClient over it (pooled connections, no socket exhaustion). Timeouts are per request (<see cref="TimedSend"/>).
/// </summary>
internal sealed class HttpSender : IHttpSender
{
    /// <summary>Connections are replaced after this long, so a DNS change of the exchange is picked up.</summary>
    internal static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    public static readonly HttpSender Shared = new HttpSender();

    private readonly HttpClient _client;

    private HttpSender()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            PooledConnectionLifetime = PooledConnectionLifetime,
            // The per-request timeout (-TimeoutSec) covers connecting too; a shorter connect limit would turn a
            // slow connect into a network error while the user's budget still runs.
            ConnectTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _client = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("BingX.PowerShell/" + typeof(HttpSender).Assembly.GetName().Version);
    }

    public async Task<HttpAnswer> SendAsync(HttpRequestMessage request, BingXEndpoint endpoint, CancellationToken cancellationToken)
    {
        // ResponseContentRead: the whole body is read under the caller's token, so a body that stalls half way
        // ends like an answer that never starts.
        using (HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
        {
            // Bytes, not ReadAsStringAsync: a proxy's page with an unknown charset must not throw.
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new HttpAnswer((int)response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType?.MediaType, Encoding.UTF8.GetString(bytes),
                HeaderValue(response, "X-RateLimit-Requests-Remain"), HeaderValue(response, "X-RateLimit-Requests-Expire"));
        }
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out System.Collections.Generic.IEnumerable<string>? values) ? string.Join(",", values).Trim() : null;
}
