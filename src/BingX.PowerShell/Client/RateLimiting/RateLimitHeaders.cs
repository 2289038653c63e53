using BingX.PowerShell.Client.Http;
using static BingX.PowerShell.Client.FailureWording;

namespace BingX.PowerShell.Client.RateLimiting;

/// <summary>
/// docs-v3 Basic Info: every answer may say how many requests are left in the key's window for the endpoint
/// (X-RateLimit-Requests-Remain) and when that window ends (X-RateLimit-Requests-Expire: milliseconds, or an
/// epoch on the exchange's clock). Used up: this key's next request on the endpoint waits for the window's end.
/// </summary>
internal static class RateLimitHeaders
{
    /// <summary>The longest wait a rate-limit header can impose on the next request (a guard against odd values).</summary>
    private static readonly TimeSpan MaxHeaderHold = TimeSpan.FromSeconds(10);

    public static void Apply(BingXEndpoint endpoint, HttpAnswer answer, BingXApiCredential? credential, long serverNowMs, IBingXLog log)
    {
        if (answer.RateLimitRemain == null || !long.TryParse(answer.RateLimitRemain, NumberStyles.None, CultureInfo.InvariantCulture, out long remain))
        {
            return;
        }
        TimeSpan? resetIn = null;
        if (answer.RateLimitExpire != null && long.TryParse(answer.RateLimitExpire, NumberStyles.None, CultureInfo.InvariantCulture, out long expire))
        {
            // An epoch (13 digits) is on the exchange's clock; anything smaller is a duration.
            long ms = expire >= 100_000_000_000 ? expire - serverNowMs : expire;
            resetIn = TimeSpan.FromMilliseconds(Math.Max(0, Math.Min(ms, (long)MaxHeaderHold.TotalMilliseconds)));
        }
        string ends = resetIn.HasValue ? Invariant($", which ends in {resetIn.Value.TotalMilliseconds:0} ms") : string.Empty;
        log.Verbose(Invariant($"{endpoint}: BingX allows {remain} more request(s) in this window{ends}."));
        if (remain == 0 && resetIn.HasValue && credential != null && endpoint.Signed)
        {
            RequestRateLimiter.HoldFor(credential.ApiKey, endpoint, resetIn.Value);
        }
    }
}
