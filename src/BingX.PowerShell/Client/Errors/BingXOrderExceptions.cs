namespace BingX.PowerShell;

/// <summary>
/// One order of a cancel request was not cancelled (already filled or cancelled, unknown id). The others of the
/// same request may have been: this failure concerns only <see cref="OrderId"/> or <see cref="ClientOrderId"/>.
/// </summary>
public sealed class BingXOrderNotCancelledException : BingXException
{
    public BingXOrderNotCancelledException(string symbol, long? orderId, string? clientOrderId, string reason, BingXErrorKind kind, string? endpoint, Exception? innerException = null)
        : base(BingXErrorIds.OrderNotCancelled, kind, FormatMessage(symbol, orderId, clientOrderId, reason), endpoint, innerException)
    {
        Symbol = symbol;
        OrderId = orderId;
        ClientOrderId = clientOrderId;
        Reason = reason;
    }

    public string Symbol { get; }

    public long? OrderId { get; }

    public string? ClientOrderId { get; }

    /// <summary>The exchange's reason, verbatim.</summary>
    public string Reason { get; }

    private static string FormatMessage(string symbol, long? orderId, string? clientOrderId, string reason)
    {
        string name = orderId.HasValue
            ? "order " + orderId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "order with client order id '" + clientOrderId + "'";
        return $"BingX did not cancel {name} on {symbol}: {reason.TrimEnd('.')}.";
    }
}

/// <summary>
/// Placing an order failed in a way that left its outcome in doubt at first (lost answer, timeout, 5xx), and the
/// module then looked the order up by its client order id. <see cref="Placed"/> says what that check found:
/// false = the exchange has no such order (placing it again is safe); null = the check failed too.
/// </summary>
public sealed class BingXOrderPlacementException : BingXException
{
    public BingXOrderPlacementException(string errorId, BingXErrorKind kind, string message, string clientOrderId, bool? placed, string? endpoint, Exception? innerException)
        : base(errorId, kind, message, endpoint, innerException)
    {
        ClientOrderId = clientOrderId;
        Placed = placed;
        OutcomeUnknown = placed == null;
    }

    /// <summary>The client order id the order was sent with: look it up with Get-BingXOrder -ClientOrderId.</summary>
    public string ClientOrderId { get; }

    /// <summary>False when the exchange confirmed there is no such order; null when that could not be checked.</summary>
    public bool? Placed { get; }
}
