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
    long TimeOnline)
{
    public string BaseAsset => Symbol[..Symbol.IndexOf('-')];

    public string QuoteAsset => Symbol[(Symbol.IndexOf('-') + 1)..];
}
