namespace BingX.PowerShell.Client;

/// <summary>What POST trade/order sends. Checked by the cmdlet before it gets here; the client only writes it out.</summary>
/// <param name="Symbol">The spot symbol, e.g. BTC-USDT.</param>
/// <param name="Side">BUY or SELL.</param>
/// <param name="Type">The order type.</param>
/// <param name="ClientOrderId">Always set: it is what finds the order again when the answer to the request is lost.</param>
internal sealed record BingXOrderRequest(string Symbol, BingXOrderSide Side, BingXOrderType Type, string ClientOrderId)
{
    public decimal? Quantity { get; init; }

    public decimal? QuoteOrderQty { get; init; }

    public decimal? Price { get; init; }

    public decimal? StopPrice { get; init; }

    /// <summary>GTC, IOC, FOK or PostOnly; the exchange's default (GTC) when null.</summary>
    public string? TimeInForce { get; init; }
}
