namespace BingX.PowerShell.Client;

/// <summary>How a <see cref="BingXClient"/> talks to the exchange.</summary>
internal sealed class BingXClientOptions
{
    public static readonly Uri ProductionBaseUri = new Uri("https://open-api.bingx.com");

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultMaxRateLimitWait = TimeSpan.FromSeconds(5);

    public Uri BaseUri { get; set; } = ProductionBaseUri;

    /// <summary>Null for public endpoints only.</summary>
    public BingXApiCredential? Credential { get; set; }

    /// <summary>Sent as <c>recvWindow</c> when set; the server's default is 5000 ms.</summary>
    public int? RecvWindow { get; set; }

    /// <summary>Per attempt: connect, send and read the whole answer.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>The longest the client waits by itself for a rate-limit block to lift before failing with BingXRateLimited.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = DefaultMaxRateLimitWait;

    /// <summary>Extra attempts for reads and cancels after a transport failure, HTTP 5xx or BingX "internal error"/"busy" (100500, 100503, 80012). Placing orders never retries.</summary>
    public int MaxRetries { get; set; } = 2;

    public IBingXLog Log { get; set; } = NullBingXLog.Instance;

    /// <summary>
    /// Plain http only to loopback (the simulator): anything else would send the API key in clear text.
    /// </summary>
    public static string? ValidateBaseUri(Uri? uri)
    {
        if (uri == null || !uri.IsAbsoluteUri)
        {
            return "The base URI must be an absolute URI such as https://open-api.bingx.com.";
        }
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }
        if (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
        {
            return null;
        }
        return $"The base URI '{uri.GetLeftPart(UriPartial.Authority)}' is not https. Plain http is allowed only to this machine (loopback), e.g. the BingX simulator.";
    }
}
