namespace BingX.PowerShell;

/// <summary>A spot trading pair and its trading rules (<c>common/symbols</c>).</summary>
public sealed class BingXSymbol
{
    public string Symbol { get; set; } = string.Empty;

    /// <summary>1 = online; other values mean the pair does not trade.</summary>
    public int Status { get; set; }

    public bool IsOnline => Status == 1;

    public decimal TickSize { get; set; }

    public decimal StepSize { get; set; }

    public decimal MinQty { get; set; }

    public decimal MaxQty { get; set; }

    public decimal MinNotional { get; set; }

    public decimal MaxNotional { get; set; }

    public bool ApiStateBuy { get; set; }

    public bool ApiStateSell { get; set; }

    public override string ToString() => Symbol;
}
