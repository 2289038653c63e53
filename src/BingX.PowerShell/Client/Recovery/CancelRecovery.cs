namespace BingX.PowerShell.Client.Recovery;

/// <summary>
/// A cancel whose answer was lost is sent again (it cannot do harm twice), but the retry hears "already cancelled"
/// for what the lost attempt did. Each such order is looked up (trade/query): CANCELED means the lost attempt
/// cancelled it, so it is a cancelled order of this command, not a failure.
/// </summary>
internal static class CancelRecovery
{
    /// <summary>Looks up one order; returns it when the exchange has it as CANCELED, else null (also when the look-up fails).</summary>
    public static async Task<BingXOrder?> FindCancelledAsync(Func<CancellationToken, Task<BingXOrder>> query, IBingXLog log, string what, CancellationToken cancellationToken)
    {
        try
        {
            BingXOrder order = await query(cancellationToken).ConfigureAwait(false);
            if (order.Status == BingXOrderStatus.CANCELED)
            {
                log.Verbose($"{what}: BingX reported it already cancelled after an earlier attempt lost its answer; it is CANCELED, so that attempt cancelled it.");
                return order;
            }
            log.Verbose($"{what}: not cancelled by this command: BingX has it as {order.Status}.");
            return null;
        }
        catch (BingXException ex)
        {
            log.Verbose($"{what}: could not be looked up after a lost answer ({ex.ErrorId}); it is reported as not cancelled.");
            return null;
        }
    }

    /// <summary>
    /// The <c>fails</c> of a batch that was sent again after a lost answer: each "not found / already cancelled"
    /// entry is looked up, and a CANCELED order moves to the cancelled orders.
    /// </summary>
    public static async Task<BingXCancelResult> ConfirmFailsAsync(BingXCancelResult result, bool byOrderId,
        Func<long?, string?, CancellationToken, Task<BingXOrder>> query, IBingXLog log, CancellationToken cancellationToken)
    {
        var orders = new List<BingXOrder>(result.Orders);
        var fails = new List<BingXCancelFailure>();
        foreach (BingXCancelFailure fail in result.Fails)
        {
            BingXOrder? found = null;
            if (BingXErrorClassifier.IsOrderNotFound(null, fail.Reason))
            {
                long? orderId = byOrderId && long.TryParse(fail.Id, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : (long?)null;
                string? clientOrderId = byOrderId ? null : fail.Id;
                if (orderId.HasValue || clientOrderId != null)
                {
                    found = await FindCancelledAsync(ct => query(orderId, clientOrderId, ct), log, "Order " + fail.Id, cancellationToken).ConfigureAwait(false);
                }
            }
            if (found != null)
            {
                orders.Add(found);
            }
            else
            {
                fails.Add(fail);
            }
        }
        return new BingXCancelResult(orders, fails);
    }
}
