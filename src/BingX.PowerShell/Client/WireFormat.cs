namespace BingX.PowerShell.Client;

/// <summary>How values are written into the signed parameter string: invariant, plain, nothing that needs URL encoding.</summary>
internal static class WireFormat
{
    /// <summary>
    /// "0.0010" becomes "0.001", "30000.0" becomes "30000". decimal never formats with an exponent, and the
    /// invariant culture keeps the point a point whatever the user's culture.
    /// </summary>
    public static string Decimal(decimal value)
    {
        string text = value.ToString(CultureInfo.InvariantCulture);
        if (text.IndexOf('.') < 0)
        {
            return text;
        }
        text = text.TrimEnd('0');
        return text.EndsWith(".", StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
    }

    public static string Int64(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Join(IEnumerable<long> values) => string.Join(",", values.Select(Int64));
}
