namespace BingX.PowerShell;

/// <summary>One asset of the spot account.</summary>
public sealed class BingXBalance
{
    public string Asset { get; set; } = string.Empty;

    public decimal Free { get; set; }

    public decimal Locked { get; set; }

    public decimal Total => Free + Locked;

    public override string ToString() => Asset;
}
