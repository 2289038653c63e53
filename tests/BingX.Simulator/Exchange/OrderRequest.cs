namespace BingX.Simulator.Exchange;

/// <summary>A new order as parsed from the request: formats are checked, trading rules not yet.</summary>
public sealed record OrderRequest(
    string Symbol,
    string Side,
    string Type,
    decimal? Quantity,
    decimal? QuoteOrderQty,
    decimal? Price,
    decimal? StopPrice,
    string TimeInForce,
    string? ClientOrderId);
