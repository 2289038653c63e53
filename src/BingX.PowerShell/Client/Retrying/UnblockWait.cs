using static BingX.PowerShell.Client.FailureWording;

namespace BingX.PowerShell.Client.Retrying;

/// <summary>
/// How long a 100410 is waited out, judged on the exchange's clock: against the server time the refusal carries
/// when it has one (whatever either clock did since the offset was measured), else against the measured offset.
/// </summary>
internal static class UnblockWait
{
    /// <summary>How long to wait before the exchange accepts the request again; sets <see cref="BingXRateLimitedException.LocalRetryAfter"/>.</summary>
    public static async Task<TimeSpan> ComputeAsync(BingXEndpoint endpoint, BingXRateLimitedException ex, ServerClock clock, BingXClientOptions options,
        Func<string, CancellationToken, Task> tryResynchronize, CancellationToken cancellationToken)
    {
        if (ex.RetryAfter == null)
        {
            return RateLimitWait.Until(null, clock.Now);
        }
        if (ex.ServerTime.HasValue)
        {
            // The gateway stamps its refusal with its own time: the wait is the distance between the two server
            // times, whatever has happened to either clock since the offset was measured.
            TimeSpan untilUnblocked = ex.RetryAfter.Value - ex.ServerTime.Value;
            ex.LocalRetryAfter = ex.ReceivedAt + untilUnblocked;
            long drift = ex.ServerTime.Value.ToUnixTimeMilliseconds() - (ex.ReceivedAt.ToUnixTimeMilliseconds() + clock.OffsetMs);
            if (RateLimitWait.ClockHasMoved(drift) && endpoint != BingXEndpoint.ServerTime && untilUnblocked <= options.MaxRateLimitWait)
            {
                // The retry would carry a stale timestamp: measure again while waiting anyway.
                options.Log.Verbose(Invariant($"{endpoint}: the exchange's clock differs by {drift} ms from the offset measured earlier; measuring it again."));
                await tryResynchronize("the retry may be refused as stale and measured then", cancellationToken).ConfigureAwait(false);
            }
            return RateLimitWait.Until(ex.RetryAfter, ex.ServerTime.Value + (DateTimeOffset.UtcNow - ex.ReceivedAt));
        }
        if (!clock.IsSynchronized && endpoint != BingXEndpoint.ServerTime)
        {
            // The unblock time is on the exchange's clock: a machine whose clock is off would wait wrongly.
            await tryResynchronize("reading the unblock time as if the clocks agreed", cancellationToken).ConfigureAwait(false);
        }
        ex.LocalRetryAfter = ex.RetryAfter.Value.AddMilliseconds(-clock.OffsetMs);
        return RateLimitWait.Until(ex.RetryAfter, clock.Now);
    }
}
