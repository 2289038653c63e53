using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using BingX.PowerShell.Client.Reading;
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

        /// <summary>How many 100410 answers one request waits out before the failure is reported.</summary>
        private const int MaxRateLimitWaits = 2;

        /// <summary>The pause after a 100410 that names no unblock time: the exchange counts in one-second windows.</summary>
        private static readonly TimeSpan UnnamedRateLimitPause = TimeSpan.FromSeconds(1);

        /// <summary>Added to a named unblock time: the measured clock offset can be off by up to half a round trip.</summary>
        private static readonly TimeSpan UnblockMargin = TimeSpan.FromMilliseconds(200);

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

        /// <summary>Sends the request and returns the envelope's <c>data</c> (JSON null when absent).</summary>
        public Task<JsonElement> SendAsync(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
        {
            BingXApiCredential? credential = _options.Credential;
            if (endpoint.Signed && credential == null)
            {
                throw new InvalidOperationException($"{endpoint} needs an API key.");
            }
            return WithRetriesAsync(endpoint, () => SendOnceAsync(endpoint, parameters, credential, cancellationToken), cancellationToken);
        }

        /// <summary>Measures the offset to the server clock at the midpoint of a server/time round trip.</summary>
        public async Task<BingXServerTime> SynchronizeClockAsync(CancellationToken cancellationToken)
        {
            ClockReading reading = await WithRetriesAsync(BingXEndpoint.ServerTime, () => ReadServerClockAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            _clock.Update(reading.ServerMs, reading.SentMs, reading.ReceivedMs);
            long roundTrip = reading.ReceivedMs - reading.SentMs;
            _options.Log.Verbose(Invariant($"Server clock offset {_clock.OffsetMs} ms (round trip {roundTrip} ms)."));
            return new BingXServerTime
            {
                ServerTime = DateTimeOffset.FromUnixTimeMilliseconds(reading.ServerMs),
                LocalTime = DateTimeOffset.FromUnixTimeMilliseconds(reading.SentMs + (roundTrip / 2)),
                Offset = TimeSpan.FromMilliseconds(_clock.OffsetMs),
                RoundTrip = TimeSpan.FromMilliseconds(roundTrip),
            };
        }

        /// <summary>
        /// Runs one attempt after another until one succeeds or a failure must be reported. Retried: a timestamp
        /// rejection once, after re-measuring the clock; a rate-limit rejection after waiting as the exchange asks
        /// (within <see cref="BingXClientOptions.MaxRateLimitWait"/>); a transport failure or 5xx for reads and
        /// cancels, with jittered backoff. Rejections come before the exchange does anything, so the first two are
        /// safe for every endpoint; placing an order is never repeated after a failure that may hide a success.
        /// </summary>
        private async Task<T> WithRetriesAsync<T>(BingXEndpoint endpoint, Func<Task<T>> attempt, CancellationToken cancellationToken)
        {
            bool clockResynchronized = false;
            int rateLimitWaits = 0;
            int failureRetries = 0;
            BingXException? lostAnswer = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    T result = await attempt().ConfigureAwait(false);
                    if (lostAnswer != null)
                    {
                        _options.Log.Warning($"{endpoint}: the answer to an earlier attempt was lost ({lostAnswer.ErrorId}), so that attempt may have been carried out; what it did is not part of this result.");
                    }
                    return result;
                }
                catch (BingXApiException ex) when (ex.Kind == BingXErrorKind.Timestamp && endpoint.Signed && !clockResynchronized)
                {
                    // Only a signed request carries a timestamp; reading the clock cannot fix a public endpoint.
                    clockResynchronized = true;
                    _options.Log.Verbose($"{endpoint}: the exchange rejected the timestamp (code {ex.Code}); measuring the clock offset again and retrying once.");
                    await SynchronizeClockAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (BingXRateLimitedException ex)
                {
                    TimeSpan wait = await TimeUntilUnblockedAsync(endpoint, ex, cancellationToken).ConfigureAwait(false);
                    if (rateLimitWaits >= MaxRateLimitWaits || wait > _options.MaxRateLimitWait)
                    {
                        ex.AppendToMessage(DescribeRateLimitFailure(ex, wait, rateLimitWaits));
                        MarkEarlierAnswerLost(ex, lostAnswer);
                        throw;
                    }
                    rateLimitWaits++;
                    DateTimeOffset localUntil = DateTimeOffset.UtcNow + wait;
                    _options.Log.Waiting($"Rate limited by BingX on {endpoint.Path}: waiting as the exchange asks", localUntil);
                    _options.Log.Verbose(Invariant($"{endpoint}: rate limited by BingX (code 100410: {Truncate(ex.ApiMessage, 120)}); waiting {wait.TotalSeconds:0.0} s, until {localUntil:HH:mm:ss} UTC, then retrying (wait {rateLimitWaits} of at most {MaxRateLimitWaits}; waits up to {_options.MaxRateLimitWait.TotalSeconds:0.#} s are allowed by -MaxRateLimitWaitSec)."));
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
                // Transport failures, HTTP 5xx and BingX's own "internal error"/"busy" codes, for reads and cancels.
                catch (BingXException ex) when (IsRetriable(endpoint, ex) && failureRetries < _options.MaxRetries)
                {
                    failureRetries++;
                    // A cancel whose answer was lost, or that heard "internal error", may have been carried out.
                    if ((ex.OutcomeUnknown || ex is BingXApiException) && endpoint.RetrySafety != RetrySafety.Safe)
                    {
                        lostAnswer ??= ex;
                    }
                    TimeSpan backoff = Backoff(failureRetries);
                    _options.Log.Verbose(Invariant($"{endpoint}: {ex.Message} Retrying in {backoff.TotalMilliseconds:0} ms (attempt {failureRetries + 1} of {_options.MaxRetries + 1})."));
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                }
                catch (BingXException ex) when (lostAnswer != null)
                {
                    MarkEarlierAnswerLost(ex, lostAnswer);
                    throw;
                }
            }
        }

        /// <summary>
        /// A later attempt failed after an earlier one lost its answer: the earlier one may have done what was asked
        /// (a retried cancel then hears "already cancelled"), so the failure is no proof that nothing happened.
        /// </summary>
        private static void MarkEarlierAnswerLost(BingXException ex, BingXException? lostAnswer)
        {
            if (lostAnswer == null || ex == lostAnswer)
            {
                return;
            }
            ex.OutcomeUnknown = true;
            ex.AppendToMessage($"An earlier attempt lost its answer ({lostAnswer.ErrorId}) and may have been carried out: check the orders before repeating the request.");
        }

        /// <summary>How long to wait before the exchange accepts the request again, and <see cref="BingXRateLimitedException.LocalRetryAfter"/>.</summary>
        private async Task<TimeSpan> TimeUntilUnblockedAsync(BingXEndpoint endpoint, BingXRateLimitedException ex, CancellationToken cancellationToken)
        {
            if (ex.RetryAfter == null)
            {
                return UnnamedRateLimitPause;
            }
            if (!_clock.IsSynchronized && endpoint != BingXEndpoint.ServerTime)
            {
                // The unblock time is on the exchange's clock: a machine whose clock is off would wait wrongly.
                try
                {
                    await SynchronizeClockAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (BingXException sync)
                {
                    _options.Log.Verbose($"Could not measure the clock offset ({sync.ErrorId}); reading the unblock time as if the clocks agreed.");
                }
            }
            ex.LocalRetryAfter = ex.RetryAfter.Value.AddMilliseconds(-_clock.OffsetMs);
            TimeSpan remaining = ex.RetryAfter.Value - _clock.Now;
            return (remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero) + UnblockMargin;
        }

        private string DescribeRateLimitFailure(BingXRateLimitedException ex, TimeSpan wait, int waitsDone)
        {
            string allowed = _options.MaxRateLimitWait <= TimeSpan.Zero
                ? "this command does not wait for rate limits by itself (-MaxRateLimitWaitSec 0)"
                : Invariant($"this command waits at most {_options.MaxRateLimitWait.TotalSeconds:0.#} s by itself (-MaxRateLimitWaitSec)");
            if (ex.RetryAfter.HasValue)
            {
                string when = Invariant($"The exchange accepts it again at {ex.RetryAfter.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC by its clock ({ex.LocalRetryAfter!.Value.UtcDateTime:HH:mm:ss} UTC by this machine's, in {wait.TotalSeconds:0} s; see the exception's LocalRetryAfter)");
                return waitsDone >= MaxRateLimitWaits
                    ? Invariant($"{when}; it was still blocked after {waitsDone} waits.")
                    : $"{when}; {allowed}.";
            }
            return waitsDone >= MaxRateLimitWaits
                ? Invariant($"BingX gave no unblock time and still limited the requests after {waitsDone} pauses.")
                : $"BingX gave no unblock time; {allowed}.";
        }

        private async Task<ClockReading> ReadServerClockAsync(CancellationToken cancellationToken)
        {
            long sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var watch = Stopwatch.StartNew();
            JsonElement data = await SendOnceAsync(BingXEndpoint.ServerTime, Array.Empty<KeyValuePair<string, string>>(), null, cancellationToken).ConfigureAwait(false);
            long received = sent + watch.ElapsedMilliseconds;
            long? serverMs;
            try
            {
                serverMs = data.ReadInt64("serverTime");
            }
            catch (FormatException ex)
            {
                throw InvalidResponse(BingXEndpoint.ServerTime, 200, "serverTime is not a number", ex);
            }
            if (serverMs == null)
            {
                throw InvalidResponse(BingXEndpoint.ServerTime, 200, "it has no serverTime", null);
            }
            return new ClockReading(serverMs.Value, sent, received);
        }

        private async Task<JsonElement> SendOnceAsync(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, BingXApiCredential? credential, CancellationToken cancellationToken)
        {
            IDisposable slot = endpoint.Signed && credential != null
                ? await RequestRateLimiter.AcquireAsync(credential.ApiKey, endpoint, wait =>
                    {
                        _options.Log.Waiting($"Pacing {endpoint.Path} at {endpoint.RequestsPerSecond}/s for this API key", DateTimeOffset.UtcNow + wait);
                        _options.Log.Verbose(Invariant($"{endpoint}: keeping to BingX's limit of {endpoint.RequestsPerSecond} requests/s for this API key; waiting {wait.TotalSeconds:0.00} s."));
                    }, cancellationToken).ConfigureAwait(false)
                : NoSlot.Instance;
            // The slot is released when the answer is in (or the attempt failed): the next request is timed from then.
            using (slot)
            {
                return await SendNowAsync(endpoint, parameters, credential, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<JsonElement> SendNowAsync(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, BingXApiCredential? credential, CancellationToken cancellationToken)
        {
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
                HttpResponseMessage? response = null;
                try
                {
                    string body;
                    using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                    {
                        timeout.CancelAfter(_options.Timeout);
                        try
                        {
                            // ResponseContentRead: the whole body is read under the timeout token, so a body that
                            // stalls half way ends in BingXTimeout like an answer that never starts.
                            response = await SharedHttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                            // Bytes, not ReadAsStringAsync: a proxy's page with an unknown charset must not throw.
                            byte[] bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                            body = Encoding.UTF8.GetString(bytes);
                        }
                        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                        {
                            throw;
                        }
                        catch (OperationCanceledException ex)
                        {
                            throw new BingXTransportException(BingXErrorIds.Timeout, BingXErrorKind.Timeout,
                                Invariant($"BingX did not answer {endpoint} within {_options.Timeout.TotalSeconds:0.###} s.{OutcomeHint(endpoint)} Use -TimeoutSec to wait longer."),
                                endpoint.Path, null, ex)
                            { OutcomeUnknown = endpoint.Method == HttpMethod.Post };
                        }
                        catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
                        {
                            // A connection that was never made sent nothing: only a later failure leaves a write in doubt.
                            bool connected = !IsConnectFailure(ex);
                            throw new BingXTransportException(BingXErrorIds.NetworkError, BingXErrorKind.Network,
                                $"The request {endpoint} to {_options.BaseUri.GetLeftPart(UriPartial.Authority)} failed: {Describe(ex)}.{(connected ? OutcomeHint(endpoint) : " Nothing was sent.")}",
                                endpoint.Path, null, ex)
                            { OutcomeUnknown = endpoint.Method == HttpMethod.Post && connected };
                        }
                    }

                    int status = (int)response.StatusCode;
                    _options.Log.Verbose($"{endpoint.Method.Method} {endpoint.Path} -> HTTP {status} in {watch.ElapsedMilliseconds} ms");
                    _options.Log.Debug("Response: " + Truncate(body, 2000));
                    return ParseEnvelope(endpoint, response, status, body);
                }
                finally
                {
                    response?.Dispose();
                }
            }
        }

        private JsonElement ParseEnvelope(BingXEndpoint endpoint, HttpResponseMessage response, int status, string body)
        {
            JsonElement? root = null;
            JsonException? parseError = null;
            try
            {
                root = JsonFields.Parse(body);
            }
            catch (JsonException ex)
            {
                parseError = ex;
            }

            if (root.HasValue && root.Value.Field("code") is JsonElement codeNode && TryReadCode(codeNode, out int code))
            {
                if (code != 0)
                {
                    string message = root.Value.ReadString("msg") ?? string.Empty;
                    throw BingXErrorClassifier.Create(code, message, status, endpoint.Path);
                }
                if (status >= 200 && status < 300)
                {
                    return root.Value.Field("data") ?? NullData;
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

        private static readonly JsonElement NullData = JsonFields.Parse("null");

        private static bool TryReadCode(JsonElement node, out int code)
        {
            // Spot sends a number; other endpoints have sent strings.
            code = 0;
            return (node.ValueKind == JsonValueKind.Number || node.ValueKind == JsonValueKind.String)
                && int.TryParse(JsonFields.ToText(node), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code);
        }

        private static bool IsRetriable(BingXEndpoint endpoint, BingXException ex)
        {
            if (endpoint.RetrySafety == RetrySafety.Unsafe)
            {
                return false;
            }
            switch (ex)
            {
                case BingXTransportException transport:
                    switch (transport.Kind)
                    {
                        case BingXErrorKind.Network:
                        case BingXErrorKind.InvalidResponse:
                            return true;
                        case BingXErrorKind.HttpError:
                            return transport.HttpStatus >= 500;
                        default:
                            // Timeouts are the user's budget (-TimeoutSec); 403/418/429 mean stop, not retry.
                            return false;
                    }
                case BingXApiException api:
                    // "Internal error" and "system busy": BingX's own 5xx.
                    return IsServerBusy(api.Code);
                default:
                    return false;
            }
        }

        private static bool IsServerBusy(int code) => code == 100500 || code == 100503 || code == 80012;

        private static TimeSpan Backoff(int retry)
        {
            _jitter ??= new Random(Guid.NewGuid().GetHashCode());
            double baseMs = 200 * Math.Pow(2, retry - 1);
            return TimeSpan.FromMilliseconds(baseMs * (0.5 + _jitter.NextDouble()));
        }

        private static string OutcomeHint(BingXEndpoint endpoint) =>
            endpoint.Method == HttpMethod.Post ? " The request may or may not have been carried out: check the orders before repeating it." : string.Empty;

        private static bool IsConnectFailure(Exception ex)
        {
            // The connection could not be made: nothing was sent.
            for (Exception? e = ex; e != null; e = e.InnerException)
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

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        /// <summary>A server/time answer and when it was asked for and received, on the local clock.</summary>
        private readonly struct ClockReading
        {
            public ClockReading(long serverMs, long sentMs, long receivedMs)
            {
                ServerMs = serverMs;
                SentMs = sentMs;
                ReceivedMs = receivedMs;
            }

            public long ServerMs { get; }

            public long SentMs { get; }

            public long ReceivedMs { get; }
        }

        private sealed class NoSlot : IDisposable
        {
            public static readonly NoSlot Instance = new NoSlot();

            public void Dispose()
            {
            }
        }

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
