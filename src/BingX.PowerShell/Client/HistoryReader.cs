using System;
using System.Collections.Generic;
using BingX.PowerShell.Client.Json;

namespace BingX.PowerShell.Client
{
    /// <summary>Reads the answers of trade/cancelAllAfter and trade/myTrades (historyOrders is an order list).</summary>
    internal static class HistoryReader
    {
        // triggerTime: BingX's sample answer gives seconds (1710389137); an answer in milliseconds is accepted too.
        private const long LargestSeconds = 100_000_000_000;

        public static BingXCancelTimer ReadCancelTimer(JsonNode data, int seconds)
        {
            if (!(data is JsonObject o))
            {
                throw new FormatException("The cancel-all-after answer is not a JSON object.");
            }
            long? trigger = JsonConvert.ToInt64(o["triggerTime"], "triggerTime");
            return new BingXCancelTimer
            {
                Status = JsonConvert.ToString(o["status"]) ?? string.Empty,
                TriggerTime = trigger.HasValue && trigger.Value > 0
                    ? DateTimeOffset.FromUnixTimeMilliseconds(trigger.Value < LargestSeconds ? trigger.Value * 1000 : trigger.Value)
                    : (DateTimeOffset?)null,
                Seconds = seconds,
                Note = JsonConvert.ToString(o["note"]),
            };
        }

        /// <summary><c>{"fills":[...]}</c>; an empty array, null or a missing list all mean no fills.</summary>
        public static List<BingXTrade> ReadTrades(JsonNode data)
        {
            var trades = new List<BingXTrade>();
            JsonNode? list = data is JsonObject o ? o["fills"] : data as JsonArray;
            if (list == null || list.IsNull)
            {
                return trades;
            }
            if (!(list is JsonArray array))
            {
                throw new FormatException("'fills' is not a list.");
            }
            foreach (JsonNode item in array.Items)
            {
                if (!(item is JsonObject t))
                {
                    throw new FormatException("A fill is not a JSON object.");
                }
                long id = JsonConvert.ToInt64(t["id"], "id") ?? throw new FormatException("A fill has no id.");
                trades.Add(new BingXTrade
                {
                    Symbol = JsonConvert.ToString(t["symbol"]) ?? string.Empty,
                    Id = id,
                    OrderId = JsonConvert.ToInt64(t["orderId"], "orderId") ?? 0,
                    Price = JsonConvert.ToDecimal(t["price"], "price") ?? 0m,
                    Qty = JsonConvert.ToDecimal(t["qty"], "qty") ?? 0m,
                    QuoteQty = JsonConvert.ToDecimal(t["quoteQty"], "quoteQty") ?? 0m,
                    Commission = JsonConvert.ToDecimal(t["commission"], "commission") ?? 0m,
                    CommissionAsset = JsonConvert.ToString(t["commissionAsset"]),
                    Time = JsonConvert.ToTime(t["time"], "time"),
                    IsBuyer = JsonConvert.ToBoolean(t["isBuyer"], "isBuyer") ?? false,
                    IsMaker = JsonConvert.ToBoolean(t["isMaker"], "isMaker") ?? false,
                });
            }
            return trades;
        }
    }
}
