namespace BingX.PowerShell;

/// <summary>One fill of a spot order (trade/myTrades). Amounts are exact decimals; the time is UTC.</summary>
public sealed class BingXTrade
{
    public string Symbol { get; set; } = string.Empty;

    public long Id { get; set; }

    public long OrderId { get; set; }

    public decimal Price { get; set; }

    public decimal Qty { get; set; }

    public decimal QuoteQty { get; set; }

    public decimal Commission { get; set; }

    public string? CommissionAsset { get; set; }

    public DateTimeOffset? Time { get; set; }

    public bool IsBuyer { get; set; }

    public bool IsMaker { get; set; }

    /// <summary>BUY when this account bought, SELL when it sold.</summary>
    public BingXOrderSide Side => IsBuyer ? BingXOrderSide.BUY : BingXOrderSide.SELL;

    public override string ToString() => $"{Symbol} {Id}";
}
