namespace BingX.PowerShell.Client.Recovery;

/// <summary>
/// After placing an order lost its answer (timeout, dropped connection, 5xx, unreadable body, "system busy"), the
/// order is looked up by its client order id, never placed again. Found: it is returned, with a warning. Still not
/// there once the request is past its receive window: <see cref="BingXOrderPlacementException"/> with Placed = false.
/// The look-up failing too: the same exception with Placed = null, naming the client order id to check.
/// </summary>
internal static class PlacementRecovery
{
    // The first look-up comes soon after the lost answer (most losses happen after the exchange acted).
    private static readonly TimeSpan FirstLookupDelay = TimeSpan.FromMilliseconds(500);

    // The last look-up waits until the request is past its receive window (plus this margin): from then on the
    // exchange refuses it, so an order that is not there by then will not appear later.
    private static readonly TimeSpan PastReceiveWindowMargin = TimeSpan.FromSeconds(1);

    private const int ExchangeDefaultRecvWindowMs = 5000;

    // A client order id is unique among open orders only; an order with the same id from well before this
    // request is an earlier one, not this one.
    private const long SameOrderWindowMs = 60_000;

    /// <summary>A lost answer, or an exchange code that says the write may or may not have happened.</summary>
    public static bool IsOutcomeUnknown(BingXException ex) =>
        ex.OutcomeUnknown || (ex is BingXApiException api && BingXErrorClassifier.IsServerBusy(api.Code));

    /// <summary>Looks the order up with <paramref name="queryByClientOrderId"/> until it is found or cannot appear any more.</summary>
    public static async Task<BingXOrder> RecoverAsync(BingXOrderRequest request, BingXException lost, long sentAtMs, BingXClientOptions options, ServerClock clock,
        Func<string, Task<BingXOrder>> queryByClientOrderId, CancellationToken cancellationToken)
    {
        string id = request.ClientOrderId;
        string path = BingXEndpoint.PlaceOrder.Path;
        string checkHint = $"check with Get-BingXOrder -Symbol {request.Symbol} -ClientOrderId {id} before placing it again.";
        int recvWindowMs = options.RecvWindow ?? ExchangeDefaultRecvWindowMs;
        // The last attempt was stamped no later than it failed; a timed-out attempt, a whole timeout earlier
        // (its timeout starts right after the stamp).
        long stampedByMs = clock.NowMs - (lost.Kind == BingXErrorKind.Timeout ? (long)options.Timeout.TotalMilliseconds : 0);
        long refusedAfterMs = stampedByMs + recvWindowMs + (long)PastReceiveWindowMargin.TotalMilliseconds;
        options.Log.Verbose($"{BingXEndpoint.PlaceOrder}: the answer was lost ({lost.ErrorId}); looking the order up by its client order id {id}.");

        TimeSpan delay = FirstLookupDelay;
        while (true)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            bool lastLookup = clock.NowMs >= refusedAfterMs;
            BingXOrder found;
            try
            {
                found = await queryByClientOrderId(id).ConfigureAwait(false);
            }
            catch (BingXApiException ex) when (BingXErrorClassifier.IsNoSuchOrder(ex))
            {
                if (!lastLookup)
                {
                    delay = TimeSpan.FromMilliseconds(Math.Max(refusedAfterMs - clock.NowMs, 0));
                    options.Log.Verbose($"No order '{id}' yet; looking again in {delay.TotalSeconds:0.0} s, once the request is past its receive window ({recvWindowMs} ms).");
                    continue;
                }
                throw new BingXOrderPlacementException(BingXErrorIds.OrderNotPlaced, lost.Kind,
                    $"The order was not placed: BingX has no order with client order id '{id}' on {request.Symbol}, looked up after the request's receive window ({recvWindowMs} ms) had passed, after which BingX refuses it. Placing it again is safe. The request failed with: {lost.Message}",
                    id, false, path, lost);
            }
            catch (BingXException ex)
            {
                throw new BingXOrderPlacementException(BingXErrorIds.OrderOutcomeUnknown, lost.Kind,
                    $"The order may or may not have been placed: the request failed ({lost.Message}) and looking it up by its client order id '{id}' failed too ({ex.Message}). Do not repeat it blindly: {checkHint}",
                    id, null, path, lost);
            }

            if (found.Side != request.Side || found.Type != request.Type
                || (found.Time.HasValue && found.Time.Value.ToUnixTimeMilliseconds() < sentAtMs - SameOrderWindowMs))
            {
                throw new BingXOrderPlacementException(BingXErrorIds.OrderOutcomeUnknown, lost.Kind,
                    $"The order may or may not have been placed: the request failed ({lost.Message}) and the order BingX holds under client order id '{id}' ({found.OrderId}, {found.Side} {found.Type}) is an earlier one. Do not repeat it blindly: {checkHint}",
                    id, null, path, lost);
            }
            options.Log.Warning($"The answer to placing order '{id}' on {request.Symbol} was lost ({lost.ErrorId}); the order was found by its client order id and is written as BingX reports it now.");
            return found;
        }
    }
}
