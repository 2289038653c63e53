namespace BingX.PowerShell;

/// <summary>
/// A spot order as BingX reports it. Every property is settable so that scripts and their Pester
/// tests can build orders (<c>[BingX.PowerShell.BingXOrder]@{ Symbol = 'BTC-USDT'; OrderId = 1 }</c>).
/// Amounts are exact decimals; times are UTC.
/// </summary>
public sealed class BingXOrder
{
    public string Symbol { get; set; } = string.Empty;

    public long OrderId { get; set; }

    public string? ClientOrderId { get; set; }

    public BingXOrderSide Side { get; set; }

    public BingXOrderType Type { get; set; }

    public BingXOrderStatus Status { get; set; }

    public decimal Price { get; set; }

    public decimal StopPrice { get; set; }

    public decimal OrigQty { get; set; }

    public decimal ExecutedQty { get; set; }

    public decimal CummulativeQuoteQty { get; set; }

    /// <summary>The quote amount of a MARKET order placed by amount (openOrders and query only).</summary>
    public decimal? OrigQuoteOrderQty { get; set; }

    public decimal? Fee { get; set; }

    public string? FeeAsset { get; set; }

    public decimal? AvgPrice { get; set; }

    /// <summary>When the exchange processed this request (cancel and place responses).</summary>
    public DateTimeOffset? TransactTime { get; set; }

    /// <summary>When the order was created (openOrders and query responses).</summary>
    public DateTimeOffset? Time { get; set; }

    public DateTimeOffset? UpdateTime { get; set; }

    /// <summary>True while the order can still trade (and so can be cancelled).</summary>
    public bool IsOpen =>
        Status == BingXOrderStatus.NEW || Status == BingXOrderStatus.PENDING || Status == BingXOrderStatus.PARTIALLY_FILLED;

    public override string ToString() => $"{Symbol} {OrderId}";
}
