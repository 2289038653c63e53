namespace BingX.Simulator.Exchange;

/// <summary>One fill of an order (trade/myTrades). Created by <see cref="SpotExchange"/> when an order fills.</summary>
public sealed record Trade(
    long Id,
    long OrderId,
    string Symbol,
    decimal Price,
    decimal Qty,
    decimal QuoteQty,
    decimal Commission,
    string CommissionAsset,
    long Time,
    bool IsBuyer,
    bool IsMaker);
