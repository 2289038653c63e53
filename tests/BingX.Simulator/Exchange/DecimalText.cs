using System.Globalization;

namespace BingX.Simulator.Exchange;

/// <summary>Decimal parsing and printing the way the exchange does it: invariant, no exponent, no sign tricks.</summary>
public static class DecimalText
{
    private const NumberStyles Plain = NumberStyles.AllowDecimalPoint;

    /// <summary>Parses "123", "0.0010" (the scale is kept), never "1e3", "-1", "1,000" or " 1".</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrEmpty(text) || text[0] == '.' || text[^1] == '.')
        {
            return false;
        }
        return decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Given values keep their scale ("0.0010" stays "0.0010"); decimal never prints an exponent.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Drops trailing zeros of a computed value (price * qty has the scale of both factors).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Rounds down to a multiple of step (quantities derived from quoteOrderQty).</summary>
    public static decimal FloorToStep(decimal value, decimal step) =>
        step <= 0 ? value : Normalize(decimal.Floor(value / step) * step);

    public static bool IsMultipleOf(decimal value, decimal step) => step <= 0 || value % step == 0m;
}
