using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BingX.PowerShell.Client.Json;
using BingX.PowerShell.Client.RateLimiting;
using BingX.PowerShell.Client.Signing;

namespace BingX.PowerShell.Client
{
    /// <summary>
    /// Sends one logical request: pacing, timestamp, signature, one shared HttpClient, envelope parsing,
    /// and the few retries that cannot do harm twice. Knows nothing of PowerShell.
    /// </summary>
    internal sealed class BingXTransport
    {
        // One HttpClient for the process: pooled connections, no socket exhaustion. Timeouts are per request.
        private static readonly HttpClient SharedHttpClient = CreateHttpClient();

        [ThreadStatic]
        private static Random? _jitter;

        private readonly BingXClientOptions _options;
        private readonly ServerClock _clock;

        public BingXTransport(BingXClientOptions options)
        {
            _options = options;
            _clock = ServerClock.For(options.BaseUri);
        }

        public ServerClock Clock => _clock;

        public BingXClientOptions Options => _options;

        /// <summary>Sends the request and returns the envelope's <c>data</c> (or <see cref="JsonNull"/> when absent).</summary>
        public async Task<JsonNode> SendAsync(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
        {
            BingXApiCredential? credential = _options.Credential;
            if (endpoint.Signed && credential == null)
            {
                throw new InvalidOperationException($"{endpoint} needs an API key.");
            }

            bool clockRetried = false;
            int rateLimitWaits = 0;
            int transportRetries = 0;
            bool answerLost = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    JsonNode data = await SendOnceAsync(endpoint, parameters, credential, cancellationToken).ConfigureAwait(false);
                    if (answerLost)
                    {
                        _options.Log.Warning($"An earlier attempt of {endpoint} lost its answer; what it did is not in this result.");
                    }
                    return data;
                }
                catch (BingXApiException ex) when (ex.Kind == BingXErrorKind.Timestamp && !clockRetried)
                {
                    // Rejected before processing: resync and retry once, whatever the endpoint.
                    clockRetried = true;
                    _options.Log.Verbose($"{endpoint}: the exchange rejected the timestamp (code {ex.Code}); synchronising the clock and retrying once.");
                    await SynchronizeClockAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (BingXRateLimitedException ex) when (rateLimitWaits < 2 && TryGetRateLimitWait(ex, out DateTimeOffset until))
                {
                    // Rejected before processing: waiting for the stated unblock time is what the exchange asks for.
                    rateLimitWaits++;
                    TimeSpan wait = until - _clock.Now;
                    _options.Log.Waiting($"BingX rate limit on {endpoint.Path}", DateTimeOffset.UtcNow + wait);
                    _options.Log.Verbose($"{endpoint}: rate limited by the exchange (code 100410); waiting {wait.TotalSeconds:0.0} s as it asks.");
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (BingXTransportException ex) when (IsRetriable(endpoint, ex) && transportRetries < _options.MaxRetries)
                {
                    transportRetries++;
                    answerLost |= endpoint.RetrySafety != RetrySafety.Safe && ex.OutcomeUnknown;
                    TimeSpan backoff = Backoff(transportRetries);
                    _options.Log.Verbose($"{endpoint}: {ex.Message} Retrying in {backoff.TotalMilliseconds:0} ms (attempt {transportRetries + 1} of {_options.MaxRetries + 1}).");
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Measures the offset to the server clock at the midpoint of a server/time round trip.</summary>
        public async Task<BingXServerTime> SynchronizeClockAsync(CancellationToken cancellationToken)
        {
            long sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var watch = Stopwatch.StartNew();
            JsonNode data = await SendOnceAsync(BingXEndpoint.ServerTime, Array.Empty<KeyValuePair<string, string>>(), null, cancellationToken).ConfigureAwait(false);
            long received = sent + watch.ElapsedMilliseconds;
            long? serverMs = JsonConvert.ToInt64(data["serverTime"], "serverTime");
            if (serverMs == null)
            {
                throw InvalidResponse(BingXEndpoint.ServerTime, 200, "it has no serverTime", null);
            }
            _clock.Update(serverMs.Value, sent, received);
            _options.Log.Verbose($"Server clock offset {_clock.OffsetMs} ms (round trip {received - sent} ms).");
            return new BingXServerTime
            {
                ServerTime = DateTimeOffset.FromUnixTimeMilliseconds(serverMs.Value),
                LocalTime = DateTimeOffset.FromUnixTimeMilliseconds(sent + ((received - sent) / 2)),
                Offset = TimeSpan.FromMilliseconds(_clock.OffsetMs),
                RoundTrip = TimeSpan.FromMilliseconds(received - sent),
            };
        }

        private async Task<JsonNode> SendOnceAsync(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, BingXApiCredential? credential, CancellationToken cancellationToken)
        {
            if (endpoint.Signed && credential != null)
            {
                await RequestRateLimiter.WaitAsync(credential.ApiKey, endpoint,
                    wait => _options.Log.Waiting($"Pacing {endpoint.Path} at {endpoint.RequestsPerSecond}/s", DateTimeOffset.UtcNow + wait),
                    cancellationToken).ConfigureAwait(false);
            }

            var all = new List<KeyValuePair<string, string>>(parameters);
            if (endpoint.Signed)
            {
                all.Add(new KeyValuePair<string, string>("timestamp", _clock.NowMs.ToString(CultureInfo.InvariantCulture)));
                if (_options.RecvWindow.HasValue)
                {
                    all.Add(new KeyValuePair<string, string>("recvWindow", _options.RecvWindow.Value.ToString(CultureInfo.InvariantCulture)));
                }
            }
            string parameterString = RequestSigner.BuildParameterString(all);
            string query = parameterString;
            if (endpoint.Signed && credential != null)
            {
                string signature = RequestSigner.Sign(credential.SecretKey, parameterString);
                query = parameterString.Length == 0 ? "signature=" + signature : parameterString + "&signature=" + signature;
            }

            var uri = new Uri(_options.BaseUri, query.Length == 0 ? endpoint.Path : endpoint.Path + "?" + query);
            // Parameters go in the query string with an empty body, like ccxt and BingX's own sample code.
            using (var request = new HttpRequestMessage(endpoint.Method, uri))
            {
                if (credential != null)
                {
                    request.Headers.TryAddWithoutValidation("X-BX-APIKEY", credential.ApiKey);
                }
                _options.Log.Debug($"{endpoint.Method.Method} {endpoint.Path}?{parameterString}{(credential != null ? "&signature=[redacted]; X-BX-APIKEY: " + credential.RedactedApiKey : string.Empty)}");

                var watch = Stopwatch.StartNew();
                HttpResponseMessage response;
                string body;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(_options.Timeout);
                    try
                    {
                        // ResponseContentRead: the whole body is read under the timeout, so a stalled body cannot hang us.
                        response = await SharedHttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                        body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (OperationCanceledException ex)
                    {
                        throw new BingXTransportException(BingXErrorIds.Timeout, BingXErrorKind.Timeout,
                            $"BingX did not answer {endpoint} within {_options.Timeout.TotalSeconds:0.###} s.{OutcomeHint(endpoint)} Use -TimeoutSec to wait longer.",
                            endpoint.Path, null, ex)
                        { OutcomeUnknown = endpoint.Method == HttpMethod.Post };
                    }
                    catch (HttpRequestException ex)
                    {
                        throw new BingXTransportException(BingXErrorIds.NetworkError, BingXErrorKind.Network,
                            $"The request {endpoint} to {_options.BaseUri.GetLeftPart(UriPartial.Authority)} failed: {Describe(ex)}.{OutcomeHint(endpoint)}",
                            endpoint.Path, null, ex)
                        { OutcomeUnknown = endpoint.Method == HttpMethod.Post && !IsConnectFailure(ex) };
                    }
                }

                using (response)
                {
                    int status = (int)response.StatusCode;
                    _options.Log.Verbose($"{endpoint.Method.Method} {endpoint.Path} -> HTTP {status} in {watch.ElapsedMilliseconds} ms");
                    _options.Log.Debug("Response: " + Truncate(body, 2000));
                    return ParseEnvelope(endpoint, response, status, body);
                }
            }
        }

        private JsonNode ParseEnvelope(BingXEndpoint endpoint, HttpResponseMessage response, int status, string body)
        {
            JsonNode? root = null;
            JsonFormatException? parseError = null;
            try
            {
                root = JsonParser.Parse(body);
            }
            catch (JsonFormatException ex)
            {
                parseError = ex;
            }

            if (root is JsonObject envelope && envelope["code"] is JsonNode codeNode && TryReadCode(codeNode, out int code))
            {
                if (code != 0)
                {
                    string message = JsonConvert.ToString(envelope["msg"]) ?? string.Empty;
                    throw BingXErrorClassifier.Create(code, message, status, endpoint.Path);
                }
                if (status >= 200 && status < 300)
                {
                    JsonNode? data = envelope["data"];
                    return data ?? JsonNull.Instance;
                }
            }

            if (status < 200 || status >= 300)
            {
                string reason = response.ReasonPhrase ?? ((HttpStatusCode)status).ToString();
                string advice = status == 429 || status == 418 ? " The exchange is limiting this IP: stop sending for a while (418 is a ban after ignoring 429)."
                    : status == 403 ? " The exchange's firewall refused the request (such bans usually last about 5 minutes)."
                    : status >= 500 ? OutcomeHint(endpoint)
                    : string.Empty;
                throw new BingXTransportException(BingXErrorIds.HttpError, BingXErrorKind.HttpError,
                    $"BingX answered {endpoint} with HTTP {status} ({reason}){DescribeBody(response, body)}.{advice}",
                    endpoint.Path, status)
                { OutcomeUnknown = status >= 500 && endpoint.Method == HttpMethod.Post };
            }

            string what = parseError != null ? "it is not valid JSON (" + parseError.Message.TrimEnd('.') + ")" : "it is not a BingX envelope (no numeric 'code')";
            throw InvalidResponse(endpoint, status, what, parseError, DescribeBody(response, body));
        }

        private static BingXTransportException InvalidResponse(BingXEndpoint endpoint, int status, string what, Exception? inner, string bodyDescription = "")
        {
            return new BingXTransportException(BingXErrorIds.InvalidResponse, BingXErrorKind.InvalidResponse,
                $"BingX's answer to {endpoint} (HTTP {status}) could not be read: {what}{bodyDescription}.{OutcomeHint(endpoint)}",
                endpoint.Path, status, inner)
            { OutcomeUnknown = endpoint.Method == HttpMethod.Post };
        }

        private static bool TryReadCode(JsonNode node, out int code)
        {
            // Spot sends a number; other endpoints have sent strings.
            code = 0;
            return (node is JsonNumber || node is JsonString)
                && int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code);
        }

        private bool TryGetRateLimitWait(BingXRateLimitedException ex, out DateTimeOffset until)
        {
            // Without an unblock time, one short pause; with one, only when the user allows waiting that long.
            until = ex.RetryAfter ?? _clock.Now.AddSeconds(1);
            TimeSpan wait = until - _clock.Now;
            return wait <= _options.MaxRateLimitWait;
        }

        private static bool IsRetriable(BingXEndpoint endpoint, BingXTransportException ex)
        {
            if (endpoint.RetrySafety == RetrySafety.Unsafe)
            {
                return false;
            }
            switch (ex.Kind)
            {
                case BingXErrorKind.Network:
                case BingXErrorKind.InvalidResponse:
                    return true;
                case BingXErrorKind.HttpError:
                    return ex.HttpStatus >= 500;
                default:
                    // Timeouts are the user's budget; 403/418/429 mean stop, not retry.
                    return false;
            }
        }

        private static TimeSpan Backoff(int retry)
        {
            _jitter ??= new Random(Guid.NewGuid().GetHashCode());
            double baseMs = 200 * Math.Pow(2, retry - 1);
            return TimeSpan.FromMilliseconds(baseMs * (0.5 + _jitter.NextDouble()));
        }

        private static string OutcomeHint(BingXEndpoint endpoint) =>
            endpoint.Method == HttpMethod.Post ? " The request may or may not have been carried out: check the orders before repeating it." : string.Empty;

        private static bool IsConnectFailure(HttpRequestException ex)
        {
            for (Exception? e = ex.InnerException; e != null; e = e.InnerException)
            {
                if (e is System.Net.Sockets.SocketException socket
                    && (socket.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused
                        || socket.SocketErrorCode == System.Net.Sockets.SocketError.HostNotFound
                        || socket.SocketErrorCode == System.Net.Sockets.SocketError.HostUnreachable
                        || socket.SocketErrorCode == System.Net.Sockets.SocketError.TryAgain
                        || socket.SocketErrorCode == System.Net.Sockets.SocketError.NoData
                        || socket.SocketErrorCode == System.Net.Sockets.SocketError.NetworkUnreachable))
                {
                    return true;
                }
            }
            return false;
        }

        private static string Describe(Exception ex)
        {
            // The innermost message says what happened ("Connection refused"); none of them carries the query string.
            Exception inner = ex;
            while (inner.InnerException != null)
            {
                inner = inner.InnerException;
            }
            return inner.Message.TrimEnd('.');
        }

        private static string DescribeBody(HttpResponseMessage response, string body)
        {
            string? mediaType = response.Content?.Headers.ContentType?.MediaType;
            if (string.IsNullOrWhiteSpace(body))
            {
                return ", empty body";
            }
            string preview = body.Trim().Replace("\r", " ").Replace("\n", " ");
            return $", {mediaType ?? "no content type"} body starting '{Truncate(preview, 80)}'";
        }

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "...";

        private static HttpClient CreateHttpClient()
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            var client = new HttpClient(handler, disposeHandler: true)
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            client.DefaultRequestHeaders.UserAgent.ParseAdd("BingX.PowerShell/" + typeof(BingXTransport).Assembly.GetName().Version);
            return client;
        }
    }
}
