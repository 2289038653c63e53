namespace BingX.Simulator.Exchange;

/// <summary>One spot trading pair and its trading rules, as `common/symbols` describes it.</summary>
public sealed record SymbolInfo(
    string Symbol,
    decimal TickSize,
    decimal StepSize,
    decimal MinQty,
    decimal MaxQty,
    decimal MinNotional,
    decimal MaxNotional,
    int Status,
    bool ApiStateBuy,
    bool ApiStateSell,
    long TimeOnline,
    long OffTime = 0)
{
    /// <summary>
    /// Listing statuses seen on the live list: 0 offline, 1 online, 5 pre-open, 10 (seen, meaning unpublished),
    /// 25 suspended, 29 pre-delisting, 30 delisted. Only 1 takes orders.
    /// </summary>
    public bool Trading => Status == 1;

    public string BaseAsset => Symbol[..Symbol.IndexOf('-')];

    public string QuoteAsset => Symbol[(Symbol.IndexOf('-') + 1)..];
}
