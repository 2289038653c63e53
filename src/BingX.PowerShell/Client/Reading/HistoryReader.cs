using System.Text.Json;

namespace BingX.PowerShell.Client.Reading;

/// <summary>Reads the answers of trade/cancelAllAfter and trade/myTrades (historyOrders is an order list).</summary>
internal static class HistoryReader
{
    // triggerTime: BingX's sample answer gives seconds (1710389137); an answer in milliseconds is accepted too.
    private const long LargestSeconds = 100_000_000_000;

    public static BingXCancelTimer ReadCancelTimer(JsonElement o, int seconds)
    {
        if (!o.IsObject())
        {
            throw new FormatException("The cancel-all-after answer is not a JSON object.");
        }
        long? trigger = o.ReadInt64("triggerTime");
        return new BingXCancelTimer
        {
            Status = o.ReadString("status") ?? string.Empty,
            TriggerTime = trigger.HasValue && trigger.Value > 0
                ? DateTimeOffset.FromUnixTimeMilliseconds(trigger.Value < LargestSeconds ? trigger.Value * 1000 : trigger.Value)
                : (DateTimeOffset?)null,
            Seconds = seconds,
            Note = o.ReadString("note"),
        };
    }

    /// <summary><c>{"fills":[...]}</c>; an empty array, null or a missing list all mean no fills.</summary>
    public static List<BingXTrade> ReadTrades(JsonElement data) => data.ReadList("fills", ReadTrade);

    private static BingXTrade ReadTrade(JsonElement t)
    {
        if (!t.IsObject())
        {
            throw new FormatException("A fill is not a JSON object.");
        }
        long id = t.ReadInt64("id") ?? throw new FormatException("A fill has no id.");
        return new BingXTrade
        {
            Symbol = t.ReadString("symbol") ?? string.Empty,
            Id = id,
            OrderId = t.ReadInt64("orderId") ?? 0,
            Price = t.ReadDecimal("price") ?? 0m,
            Qty = t.ReadDecimal("qty") ?? 0m,
            QuoteQty = t.ReadDecimal("quoteQty") ?? 0m,
            Commission = t.ReadDecimal("commission") ?? 0m,
            CommissionAsset = t.ReadString("commissionAsset"),
            Time = t.ReadTime("time"),
            IsBuyer = t.ReadBoolean("isBuyer") ?? false,
            IsMaker = t.ReadBoolean("isMaker") ?? false,
        };
    }
}
