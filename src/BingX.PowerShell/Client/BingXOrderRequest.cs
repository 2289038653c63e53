namespace BingX.PowerShell.Client;

/// <summary>What POST trade/order sends. Checked by the cmdlet before it gets here; the client only writes it out.</summary>
internal sealed class BingXOrderRequest
{
    public BingXOrderRequest(string symbol, BingXOrderSide side, BingXOrderType type, string clientOrderId)
    {
        Symbol = symbol;
        Side = side;
        Type = type;
        ClientOrderId = clientOrderId;
    }

    public string Symbol { get; }

    public BingXOrderSide Side { get; }

    public BingXOrderType Type { get; }

    /// <summary>Always set: it is what finds the order again when the answer to the request is lost.</summary>
    public string ClientOrderId { get; }

    public decimal? Quantity { get; set; }

    public decimal? QuoteOrderQty { get; set; }

    public decimal? Price { get; set; }

    public decimal? StopPrice { get; set; }

    /// <summary>GTC, IOC, FOK or PostOnly; the exchange's default (GTC) when null.</summary>
    public string? TimeInForce { get; set; }
}
