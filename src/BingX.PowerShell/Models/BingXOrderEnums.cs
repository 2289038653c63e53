namespace BingX.PowerShell;

// Member names are BingX's own spellings, so `Where-Object Status -eq PARTIALLY_FILLED` and
// `-Type TAKE_STOP_LIMIT` read exactly like the exchange's documentation.

/// <summary>The state of a spot order. <c>Unknown</c> stands for any value this module version does not know.</summary>
public enum BingXOrderStatus
{
    Unknown = 0,
    NEW,
    PENDING,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    FAILED,
}

/// <summary>A spot order type. <c>Unknown</c> stands for any value this module version does not know.</summary>
public enum BingXOrderType
{
    Unknown = 0,
    MARKET,
    LIMIT,
    TAKE_STOP_LIMIT,
    TAKE_STOP_MARKET,
    TRIGGER_LIMIT,
    TRIGGER_MARKET,
}

/// <summary>The side of a spot order.</summary>
public enum BingXOrderSide
{
    Unknown = 0,
    BUY,
    SELL,
}

/// <summary>Maps the exchange's strings onto the enums without ever throwing.</summary>
internal static class BingXEnumParser
{
    public static BingXOrderStatus ParseStatus(string? value)
    {
        switch (Normalize(value))
        {
            case "NEW": return BingXOrderStatus.NEW;
            case "PENDING": return BingXOrderStatus.PENDING;
            case "PARTIALLY_FILLED": return BingXOrderStatus.PARTIALLY_FILLED;
            case "FILLED": return BingXOrderStatus.FILLED;
            // ccxt has seen both spellings.
            case "CANCELED":
            case "CANCELLED": return BingXOrderStatus.CANCELED;
            case "FAILED": return BingXOrderStatus.FAILED;
            default: return BingXOrderStatus.Unknown;
        }
    }

    public static BingXOrderType ParseType(string? value) => Parse(value, BingXOrderType.Unknown);

    public static BingXOrderSide ParseSide(string? value) => Parse(value, BingXOrderSide.Unknown);

    private static T Parse<T>(string? value, T fallback) where T : struct
    {
        string? normalized = Normalize(value);
        // Enum.TryParse also accepts digits ("7"): only take names that are defined.
        if (normalized != null && !char.IsDigit(normalized[0])
            && Enum.TryParse(normalized, ignoreCase: false, out T parsed) && Enum.IsDefined(typeof(T), parsed))
        {
            return parsed;
        }
        return fallback;
    }

    private static string? Normalize(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value!.Trim().ToUpperInvariant();
}
