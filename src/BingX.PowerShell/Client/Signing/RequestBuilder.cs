using System.Net.Http;

namespace BingX.PowerShell.Client.Signing;

/// <summary>
/// The building stage: the query string with timestamp and recvWindow, its signature and the API key header.
/// Parameters go in the query string with an empty body, like ccxt and BingX's own sample code.
/// </summary>
internal static class RequestBuilder
{
    /// <summary>The request to send and the line the debug stream shows for it (signature and key redacted).</summary>
    public static HttpRequestMessage Build(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, BingXApiCredential? credential,
        long timestampMs, int? recvWindow, Uri baseUri, out string debugLine)
    {
        var all = new List<KeyValuePair<string, string>>(parameters);
        if (endpoint.Signed)
        {
            all.Add(new KeyValuePair<string, string>("timestamp", timestampMs.ToString(CultureInfo.InvariantCulture)));
            if (recvWindow.HasValue)
            {
                all.Add(new KeyValuePair<string, string>("recvWindow", recvWindow.Value.ToString(CultureInfo.InvariantCulture)));
            }
        }
        string parameterString = RequestSigner.BuildParameterString(all);
        string query = parameterString;
        if (endpoint.Signed && credential != null)
        {
            string signature = RequestSigner.Sign(credential.SecretKey, parameterString);
            query = parameterString.Length == 0 ? "signature=" + signature : parameterString + "&signature=" + signature;
        }

        var uri = new Uri(baseUri, query.Length == 0 ? endpoint.Path : endpoint.Path + "?" + query);
        var request = new HttpRequestMessage(endpoint.Method, uri);
        if (credential != null)
        {
            request.Headers.TryAddWithoutValidation("X-BX-APIKEY", credential.ApiKey);
        }
        if (endpoint.RetrySafety != RetrySafety.Safe)
        {
            // A write is never resent by the HTTP stack; only the transport's retry policy decides, and says so.
            request.Content = NoResendBody();
        }
        debugLine = $"{endpoint.Method.Method} {endpoint.Path}?{parameterString}{(credential != null ? "&signature=[redacted]; X-BX-APIKEY: " + credential.RedactedApiKey : string.Empty)}";
        return request;
    }

    /// <summary>
    /// An empty body (the wire still says "Content-Length: 0", as for a POST without content) that stops .NET's
    /// connection pool from sending the request a second time. Per dotnet/runtime's System.Net.Http source
    /// (SocketsHttpHandler): HttpConnection.SendAsync marks a request retryable (_canRetry) when the first read of
    /// the answer hits end-of-stream and the request has no content object (or an Expect: 100-continue body not
    /// yet released); MapSendException turns that into RequestRetryType.RetryOnConnectionFailure, and
    /// HttpConnectionPool.SendWithVersionDetectionAndRetryAsync sends it again, up to MaxConnectionFailureRetries
    /// (3) times, whatever the method, on a new or a reused connection. The exchange may have carried out the first
    /// one. A never-reused connection (Connection: close) does not help: the resend happened on a fresh connection
    /// too (two POSTs, tried while fixing issue 11).
    /// </summary>
    private static HttpContent NoResendBody() => new ByteArrayContent(Array.Empty<byte>());
}
