using System.Diagnostics;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using BingX.PowerShell.Client.Http;
using BingX.PowerShell.Client.RateLimiting;
using BingX.PowerShell.Client.Reading;
using BingX.PowerShell.Client.Retrying;
using BingX.PowerShell.Client.Signing;
using static BingX.PowerShell.Client.FailureWording;

namespace BingX.PowerShell.Client;

/// <summary>
/// One logical request, stage by stage: pace (<see cref="RequestRateLimiter"/>), build and sign
/// (<see cref="RequestBuilder"/>), send (<see cref="TimedSend"/> over <see cref="IHttpSender"/>), read the envelope
/// (<see cref="EnvelopeReader"/>, <see cref="BingXErrorClassifier"/>), and after a failure do what
/// <see cref="RetryPolicy"/> decides (re-measure the clock with <see cref="ClockSync"/>, wait out a rate limit,
/// back off). Knows nothing of PowerShell.
/// </summary>
internal sealed class BingXTransport
{
    [ThreadStatic]
    private static Random? _jitter;

    private readonly BingXClientOptions _options;
    private readonly ServerClock _clock;
    private readonly IHttpSender _sender;

    public BingXTransport(BingXClientOptions options)
        : this(options, HttpSender.Shared)
    {
    }

    /// <summary>Unit tests pass a fake <paramref name="sender"/>.</summary>
    internal BingXTransport(BingXClientOptions options, IHttpSender sender)
    {
        _options = options;
        _clock = ServerClock.For(options.BaseUri);
        _sender = sender;
    }

    public ServerClock Clock => _clock;

    public BingXClientOptions Options => _options;

    /// <summary>
    /// Sends the request and returns the envelope's <c>data</c> (JSON null when absent). <c>lostAnswer</c> is told when an
    /// earlier attempt lost its answer and the request was sent again, so the caller can find out what that attempt did.
    /// </summary>
    public Task<JsonElement> SendAsync(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken, LostAnswerNote? lostAnswer = null)
    {
        BingXApiCredential? credential = _options.Credential;
        if (endpoint.Signed && credential == null)
        {
            throw new InvalidOperationException($"{endpoint} needs an API key.");
        }
        return WithRetriesAsync(endpoint, () => SendOnceAsync(endpoint, parameters, credential, cancellationToken), cancellationToken, lostAnswer);
    }

    /// <summary>Measures the offset to the server clock (retried like any read).</summary>
    public async Task<BingXServerTime> SynchronizeClockAsync(CancellationToken cancellationToken)
    {
        ClockReading reading = await WithRetriesAsync(BingXEndpoint.ServerTime, () => ReadClockOnceAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        return ClockSync.Apply(_clock, reading, _options.Log);
    }

    /// <summary>One attempt: pace, build and sign, send, read the envelope.</summary>
    private async Task<JsonElement> SendOnceAsync(BingXEndpoint endpoint, IList<KeyValuePair<string, string>> parameters, BingXApiCredential? credential, CancellationToken cancellationToken)
    {
        // The slot is released when the answer is in (or the attempt failed): the next request is timed from then.
        using (IDisposable slot = await PaceAsync(endpoint, credential, cancellationToken).ConfigureAwait(false))
        using (HttpRequestMessage request = RequestBuilder.Build(endpoint, parameters, credential, _clock.NowMs, _options.RecvWindow, _options.BaseUri, out string debugLine))
        {
            _options.Log.Debug(debugLine);
            var watch = Stopwatch.StartNew();
            HttpAnswer answer = await TimedSend.SendAsync(_sender, request, endpoint, _options, cancellationToken).ConfigureAwait(false);
            _options.Log.Verbose($"{endpoint.Method.Method} {endpoint.Path} -> HTTP {answer.Status} in {watch.ElapsedMilliseconds} ms");
            _options.Log.Debug("Response: " + Truncate(answer.Body, 2000));
            RateLimitHeaders.Apply(endpoint, answer, credential, _clock.NowMs, _options.Log);
            try
            {
                return EnvelopeReader.Read(endpoint, answer);
            }
            catch (BingXApiException ex) when (ex.Kind == BingXErrorKind.Authentication && credential != null)
            {
                ex.AppendToMessage(AuthenticationAdvice.For(ex.Code, credential.Source, credential.FromVault));
                throw;
            }
        }
    }

    private Task<IDisposable> PaceAsync(BingXEndpoint endpoint, BingXApiCredential? credential, CancellationToken cancellationToken)
    {
        if (!endpoint.Signed || credential == null)
        {
            return Task.FromResult(RequestPacer.NoSlot);
        }
        return RequestRateLimiter.AcquireAsync(credential.ApiKey, endpoint, wait =>
        {
            _options.Log.Waiting($"Pacing {endpoint.Path} at {endpoint.RequestsPerSecond}/s for this API key", DateTimeOffset.UtcNow + wait);
            _options.Log.Verbose(Invariant($"{endpoint}: keeping to BingX's limit of {endpoint.RequestsPerSecond} requests/s for this API key; waiting {wait.TotalSeconds:0.00} s."));
        }, cancellationToken);
    }

    /// <summary>One server/time attempt, unsigned and unpaced.</summary>
    private Task<ClockReading> ReadClockOnceAsync(CancellationToken cancellationToken) =>
        ClockSync.ReadAsync(() => SendOnceAsync(BingXEndpoint.ServerTime, Array.Empty<KeyValuePair<string, string>>(), null, cancellationToken));

    /// <summary>Runs one attempt after another until one succeeds or <see cref="RetryPolicy"/> says the failure is reported.</summary>
    private async Task<T> WithRetriesAsync<T>(BingXEndpoint endpoint, Func<Task<T>> attempt, CancellationToken cancellationToken, LostAnswerNote? note = null)
    {
        var state = new RetryState();
        BingXException? lostAnswer = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BingXException failure;
            ExceptionDispatchInfo thrown;
            try
            {
                T result = await attempt().ConfigureAwait(false);
                if (lostAnswer != null && note != null)
                {
                    // The caller finds out what the lost attempt did (CancelRecovery) and says so.
                    note.LostAnswer = lostAnswer;
                }
                else if (lostAnswer != null)
                {
                    string report = RetryPolicy.DescribeLostAnswerAfterSuccess(endpoint, lostAnswer, out bool isWarning);
                    if (isWarning)
                    {
                        _options.Log.Warning(report);
                    }
                    else
                    {
                        _options.Log.Verbose(report);
                    }
                }
                return result;
            }
            catch (BingXException ex)
            {
                failure = ex;
                thrown = ExceptionDispatchInfo.Capture(ex);
            }

            switch (RetryPolicy.Decide(endpoint, failure, state, _options.MaxRetries))
            {
                case RetryAction.ResynchronizeClock:
                    state.ClockResynchronized = true;
                    _options.Log.Verbose($"{endpoint}: the exchange rejected the timestamp (code {((BingXApiException)failure).Code}); measuring the clock offset again and retrying once.");
                    // One reading, not a retry loop of its own: a failure here is reported as it is.
                    ClockSync.Apply(_clock, await ReadClockOnceAsync(cancellationToken).ConfigureAwait(false), _options.Log);
                    break;

                case RetryAction.WaitOutRateLimit:
                    var limited = (BingXRateLimitedException)failure;
                    TimeSpan wait = await UnblockWait.ComputeAsync(endpoint, limited, _clock, _options, TryResynchronizeAsync, cancellationToken).ConfigureAwait(false);
                    if (!RetryPolicy.MayWaitOutRateLimit(state.RateLimitWaits, wait, _options.MaxRateLimitWait))
                    {
                        limited.AppendToMessage(RateLimitWait.DescribeFailure(limited, wait, state.RateLimitWaits, _options.MaxRateLimitWait));
                        RetryPolicy.MarkEarlierAnswerLost(limited, lostAnswer);
                        thrown.Throw();
                        break;
                    }
                    state.RateLimitWaits++;
                    DateTimeOffset localUntil = DateTimeOffset.UtcNow + wait;
                    _options.Log.Waiting($"Rate limited by BingX on {endpoint.Path}: waiting as the exchange asks", localUntil);
                    _options.Log.Verbose(Invariant($"{endpoint}: rate limited by BingX (code 100410: {Truncate(limited.ApiMessage, 120)}); waiting {wait.TotalSeconds:0.0} s, until {localUntil:HH:mm:ss} UTC, then retrying (wait {state.RateLimitWaits} of at most {RetryPolicy.MaxRateLimitWaits}; waits up to {_options.MaxRateLimitWait.TotalSeconds:0.#} s are allowed by -MaxRateLimitWaitSec)."));
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    break;

                case RetryAction.BackOff:
                    state.FailureRetries++;
                    if (RetryPolicy.MayHaveBeenCarriedOut(endpoint, failure))
                    {
                        lostAnswer ??= failure;
                    }
                    _jitter ??= new Random(Guid.NewGuid().GetHashCode());
                    TimeSpan backoff = RetryPolicy.Backoff(state.FailureRetries, _jitter.NextDouble());
                    _options.Log.Verbose(Invariant($"{endpoint}: {failure.Message} Retrying in {backoff.TotalMilliseconds:0} ms (attempt {state.FailureRetries + 1} of {_options.MaxRetries + 1})."));
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                    break;

                default:
                    RetryPolicy.MarkEarlierAnswerLost(failure, lostAnswer);
                    if (note != null)
                    {
                        note.LostAnswer = lostAnswer;
                    }
                    thrown.Throw();
                    break;
            }
        }
    }

    /// <summary>One clock reading; a failure is logged (with what happens <paramref name="otherwise"/>) and swallowed.</summary>
    private async Task TryResynchronizeAsync(string otherwise, CancellationToken cancellationToken)
    {
        try
        {
            ClockSync.Apply(_clock, await ReadClockOnceAsync(cancellationToken).ConfigureAwait(false), _options.Log);
        }
        catch (BingXException sync)
        {
            _options.Log.Verbose($"Could not measure the clock offset ({sync.ErrorId}); {otherwise}.");
        }
    }
}
