using System.Collections.Concurrent;

namespace BingX.PowerShell.Client.RateLimiting;

/// <summary>
/// Keeps every API key under the documented per-endpoint rate, process-wide: the module is loaded once per
/// process, so all runspaces (ForEach-Object -Parallel included) share these pacers.
/// </summary>
/// <remarks>
/// The docs do not say whether "2/s" is a fixed or a sliding window, so this keeps to the stricter reading: never
/// more than N requests in any window of one second as the exchange sees them. Send times alone cannot promise
/// that: a request that was slow to arrive (a new TLS connection, a busy thread pool) lands closer to the next
/// one than it was sent. So a request may go only once the N-th request before it has been <em>answered</em>
/// and a full window has passed since: the exchange handled that one before it answered, and handles the new
/// one after it is sent, so the two are at least a window apart on the exchange's side whatever the latency.
/// One slow answer must not hold every runspace on the key until it times out, though: a request still unanswered
/// <see cref="AnswerHoldCap"/> after it was sent counts as having arrived then (it has surely reached the
/// exchange by then, or never will), and the next one goes a window after that.
/// </remarks>
internal static class RequestRateLimiter
{
    /// <summary>The window the exchange counts in.</summary>
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>The longest a request's missing answer holds the requests behind it (then it counts as arrived).</summary>
    internal static readonly TimeSpan AnswerHoldCap = TimeSpan.FromSeconds(3);

    /// <summary>Added to the window for clock granularity on either side.</summary>
    internal static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(20);

    // Keyed by (API key, path) and built from the endpoint passed in: finding a request's pacer allocates neither a key string nor a closure.
    private static readonly ConcurrentDictionary<(string ApiKey, string Path), RequestPacer> Pacers = new ConcurrentDictionary<(string ApiKey, string Path), RequestPacer>();

    /// <summary>When set (benchmarks of pure overhead), nothing waits.</summary>
    internal static bool Disabled { get; set; }

    /// <summary>
    /// Waits for this key's turn on this endpoint and returns the slot the request occupies. Dispose the slot as
    /// soon as the answer (or the failure) is in: the requests queued behind it are timed from that moment.
    /// <paramref name="onWait"/> is told how long the caller will wait, when it has to.
    /// </summary>
    public static Task<IDisposable> AcquireAsync(string apiKey, BingXEndpoint endpoint, Action<TimeSpan>? onWait, CancellationToken cancellationToken)
    {
        if (Disabled || endpoint.RequestsPerSecond <= 0)
        {
            return Task.FromResult<IDisposable>(RequestPacer.NoSlot);
        }
        return PacerFor(apiKey, endpoint).AcquireAsync(onWait, cancellationToken);
    }

    /// <summary>
    /// The exchange said this key's window for the endpoint is used up (X-RateLimit-Requests-Remain: 0), e.g. by
    /// another program on the same key: the next request on it waits until <paramref name="resumeIn"/> has passed.
    /// </summary>
    public static void HoldFor(string apiKey, BingXEndpoint endpoint, TimeSpan resumeIn)
    {
        if (Disabled || endpoint.RequestsPerSecond <= 0 || resumeIn <= TimeSpan.Zero)
        {
            return;
        }
        PacerFor(apiKey, endpoint).Hold(resumeIn);
    }

    private static RequestPacer PacerFor(string apiKey, BingXEndpoint endpoint) =>
        Pacers.GetOrAdd((apiKey, endpoint.Path), static (_, e) => new RequestPacer(e.RequestsPerSecond, Window + SafetyMargin, AnswerHoldCap, SystemPacingClock.Instance), endpoint);

    /// <summary>Test hook.</summary>
    internal static void ResetAll() => Pacers.Clear();
}
