namespace BingX.Simulator.Exchange;

/// <summary>Orders a test puts in place through the control API (already validated there).</summary>
public sealed record OrderSeed(
    string Symbol,
    string Side,
    string Type,
    decimal Quantity,
    decimal? Price,
    decimal? StopPrice,
    string? ClientOrderId,
    string Status,
    decimal? ExecutedQty,
    int Count);
