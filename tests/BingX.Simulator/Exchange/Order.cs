namespace BingX.Simulator.Exchange;

/// <summary>One spot order. Mutated only by <see cref="SpotExchange"/> under its lock.</summary>
public sealed class Order
{
    public required long OrderId { get; init; }
    public required string Symbol { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required string TimeInForce { get; init; }
    public required string ClientOrderId { get; init; }
    public required long Time { get; init; }

    /// <summary>0 when the order has none (MARKET without a fill, trigger-market types).</summary>
    public decimal Price { get; set; }
    public decimal StopPrice { get; init; }
    public decimal OrigQty { get; set; }
    public decimal OrigQuoteOrderQty { get; init; }
    public decimal ExecutedQty { get; set; }
    public decimal CummulativeQuoteQty { get; set; }
    public string Status { get; set; } = OrderStatus.New;
    public long UpdateTime { get; set; }

    /// <summary>Negative, as BingX reports it; charged in the asset received.</summary>
    public decimal Fee { get; set; }
    public string FeeAsset { get; set; } = "";

    /// <summary>Funds still reserved for the open rest of the order.</summary>
    public string LockedAsset { get; set; } = "";
    public decimal LockedAmount { get; set; }

    public bool IsOpen => OrderStatus.IsOpen(Status);

    /// <summary>A snapshot to hand out of the exchange lock.</summary>
    public Order Clone() => (Order)MemberwiseClone();

    public decimal AvgPrice => ExecutedQty == 0 ? 0m : DecimalText.Normalize(decimal.Round(CummulativeQuoteQty / ExecutedQty, 12));
}

public static class OrderStatus
{
    public const string New = "NEW";
    public const string Pending = "PENDING";
    public const string PartiallyFilled = "PARTIALLY_FILLED";
    public const string Filled = "FILLED";
    public const string Canceled = "CANCELED";
    public const string Failed = "FAILED";

    public static readonly string[] All = [New, Pending, PartiallyFilled, Filled, Canceled, Failed];

    public static bool IsOpen(string status) => status is New or Pending or PartiallyFilled;
}

public static class OrderType
{
    public const string Market = "MARKET";
    public const string Limit = "LIMIT";
    public const string TakeStopLimit = "TAKE_STOP_LIMIT";
    public const string TakeStopMarket = "TAKE_STOP_MARKET";
    public const string TriggerLimit = "TRIGGER_LIMIT";
    public const string TriggerMarket = "TRIGGER_MARKET";

    public static readonly string[] All = [Market, Limit, TakeStopLimit, TakeStopMarket, TriggerLimit, TriggerMarket];

    public static bool IsTrigger(string type) => type is TakeStopLimit or TakeStopMarket or TriggerLimit or TriggerMarket;

    public static bool NeedsPrice(string type) => type is Limit or TakeStopLimit or TriggerLimit;

    public static bool IsMarketLike(string type) => type is Market or TakeStopMarket or TriggerMarket;
}

public static class OrderSide
{
    public const string Buy = "BUY";
    public const string Sell = "SELL";
}
