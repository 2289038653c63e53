namespace BingX.PowerShell.Client.Retrying;

/// <summary>What to do after a failed attempt.</summary>
internal enum RetryAction
{
    /// <summary>Report the failure.</summary>
    Fail,

    /// <summary>Measure the clock offset again, then send once more.</summary>
    ResynchronizeClock,

    /// <summary>Wait until the exchange lifts its rate-limit block (within the allowed wait), then send again.</summary>
    WaitOutRateLimit,

    /// <summary>Wait a jittered backoff, then send again.</summary>
    BackOff,
}

/// <summary>How many of each retry one request has used so far.</summary>
internal struct RetryState
{
    public bool ClockResynchronized;
    public int RateLimitWaits;
    public int FailureRetries;
}

/// <summary>
/// Which failures are retried, each rule stated once. Retried: a timestamp rejection once, after re-measuring the
/// clock; a rate-limit rejection after waiting as the exchange asks; a transport failure or 5xx for reads and
/// cancels, with jittered backoff. Rejections come before the exchange does anything, so the first two are safe
/// for every endpoint; placing an order is never repeated after a failure that may hide a success.
/// Pure: no I/O, no clock; the transport carries the decisions out.
/// </summary>
internal static class RetryPolicy
{
    /// <summary>How many 100410 answers one request waits out before the failure is reported.</summary>
    public const int MaxRateLimitWaits = 2;

    public static RetryAction Decide(BingXEndpoint endpoint, BingXException failure, RetryState state, int maxRetries)
    {
        // Only a signed request carries a timestamp; reading the clock cannot fix a public endpoint.
        if (failure is BingXApiException api && api.Kind == BingXErrorKind.Timestamp && endpoint.Signed && !state.ClockResynchronized)
        {
            return RetryAction.ResynchronizeClock;
        }
        if (failure is BingXRateLimitedException)
        {
            return RetryAction.WaitOutRateLimit;
        }
        if (IsRetriable(endpoint, failure) && state.FailureRetries < maxRetries)
        {
            return RetryAction.BackOff;
        }
        return RetryAction.Fail;
    }

    /// <summary>A rate-limit block is waited out at most <see cref="MaxRateLimitWaits"/> times, each within the allowed wait.</summary>
    public static bool MayWaitOutRateLimit(int waitsDone, TimeSpan wait, TimeSpan maxWait) =>
        waitsDone < MaxRateLimitWaits && wait <= maxWait;

    /// <summary>Transport failures, HTTP 5xx and BingX's own "internal error"/"busy" codes, for reads and cancels.</summary>
    public static bool IsRetriable(BingXEndpoint endpoint, BingXException failure)
    {
        if (endpoint.RetrySafety == RetrySafety.Unsafe)
        {
            return false;
        }
        switch (failure)
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
                return BingXErrorClassifier.IsServerBusy(api.Code);
            default:
                return false;
        }
    }

    /// <summary>A cancel whose answer was lost, or that heard "internal error", may have been carried out before the retry.</summary>
    public static bool MayHaveBeenCarriedOut(BingXEndpoint endpoint, BingXException failure) =>
        (failure.OutcomeUnknown || failure is BingXApiException) && endpoint.RetrySafety != RetrySafety.Safe;

    /// <summary>200 ms, 400 ms, 800 ms ... times a jitter factor between 0.5 and 1.5 (<paramref name="random01"/> in [0, 1)).</summary>
    public static TimeSpan Backoff(int retry, double random01)
    {
        double baseMs = 200 * Math.Pow(2, retry - 1);
        return TimeSpan.FromMilliseconds(baseMs * (0.5 + random01));
    }

    /// <summary>
    /// A later attempt failed after an earlier one lost its answer: the earlier one may have done what was asked
    /// (a retried cancel then hears "already cancelled"), so the failure is no proof that nothing happened.
    /// </summary>
    public static void MarkEarlierAnswerLost(BingXException failure, BingXException? lostAnswer)
    {
        if (lostAnswer == null || failure == lostAnswer)
        {
            return;
        }
        if (failure.OutcomeUnknown)
        {
            // Its own message already says it may have been carried out: say so once.
            failure.AppendToMessage($"Earlier attempts lost their answers too ({lostAnswer.ErrorId}).");
            return;
        }
        failure.OutcomeUnknown = true;
        failure.AppendToMessage($"An earlier attempt lost its answer ({lostAnswer.ErrorId}) and may have been carried out: check the orders before repeating the request.");
    }

    /// <summary>
    /// A retry succeeded after an earlier attempt lost its answer. Cancelling all orders, or one order, twice ends
    /// in the same state as once, and a successful single cancel proves the earlier attempt did not cancel that
    /// order: the result is the truth, so only a verbose line (<paramref name="isWarning"/> false). A batch
    /// cancel's retry reports the orders the lost attempt did cancel as not cancelled ("already cancelled"): that
    /// deserves a warning.
    /// </summary>
    public static string DescribeLostAnswerAfterSuccess(BingXEndpoint endpoint, BingXException lostAnswer, out bool isWarning)
    {
        isWarning = endpoint == BingXEndpoint.CancelOrders;
        if (isWarning)
        {
            return $"{endpoint}: the answer to an earlier attempt was lost ({lostAnswer.ErrorId}), and that attempt may have cancelled some of these orders: those this retry reports as not cancelled (already cancelled) may be among them.";
        }
        string consequence = endpoint == BingXEndpoint.CancelOpenOrders
            ? "; orders it cancelled are not in this result, and none are left open either way"
            : string.Empty;
        return $"{endpoint}: an earlier attempt lost its answer ({lostAnswer.ErrorId}); the retry succeeded{consequence}.";
    }
}
