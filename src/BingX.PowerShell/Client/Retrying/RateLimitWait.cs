using static BingX.PowerShell.Client.FailureWording;

namespace BingX.PowerShell.Client.Retrying;

/// <summary>How long a 100410 ("rate limited, unblocked after …") is waited out, and how a refusal to wait is worded.</summary>
internal static class RateLimitWait
{
    /// <summary>The pause after a 100410 that names no unblock time: the exchange counts in one-second windows.</summary>
    public static readonly TimeSpan UnnamedPause = TimeSpan.FromSeconds(1);

    /// <summary>Added to a named unblock time: the measured clock offset can be off by up to half a round trip.</summary>
    public static readonly TimeSpan UnblockMargin = TimeSpan.FromMilliseconds(200);

    /// <summary>How far an error body's server time may stray from the measured offset before the clock is measured again.</summary>
    public static readonly TimeSpan ClockDriftTolerance = TimeSpan.FromSeconds(1);

    /// <summary>The exchange's clock, as an error body stamps it, is off the measured offset by more than the tolerance.</summary>
    public static bool ClockHasMoved(long driftMs) => Math.Abs(driftMs) > ClockDriftTolerance.TotalMilliseconds;

    /// <summary>The wait until <paramref name="retryAfter"/> (exchange clock) from <paramref name="serverNow"/>, plus the margin.</summary>
    public static TimeSpan Until(DateTimeOffset? retryAfter, DateTimeOffset serverNow)
    {
        if (retryAfter == null)
        {
            return UnnamedPause;
        }
        TimeSpan remaining = retryAfter.Value - serverNow;
        return (remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero) + UnblockMargin;
    }

    public static string DescribeFailure(BingXRateLimitedException ex, TimeSpan wait, int waitsDone, TimeSpan maxWait)
    {
        string allowed = maxWait <= TimeSpan.Zero
            ? "this command does not wait for rate limits by itself (-MaxRateLimitWaitSec 0)"
            : Invariant($"this command waits at most {maxWait.TotalSeconds:0.#} s by itself (-MaxRateLimitWaitSec)");
        if (ex.RetryAfter.HasValue)
        {
            string when = Invariant($"The exchange accepts it again at {ex.RetryAfter.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC by its clock ({ex.LocalRetryAfter!.Value.UtcDateTime:HH:mm:ss} UTC by this machine's, in {wait.TotalSeconds:0} s; see the exception's LocalRetryAfter)");
            return waitsDone >= RetryPolicy.MaxRateLimitWaits
                ? Invariant($"{when}; it was still blocked after {waitsDone} waits.")
                : $"{when}; {allowed}.";
        }
        return waitsDone >= RetryPolicy.MaxRateLimitWaits
            ? Invariant($"BingX gave no unblock time and still limited the requests after {waitsDone} pauses.")
            : $"BingX gave no unblock time; {allowed}.";
    }
}
