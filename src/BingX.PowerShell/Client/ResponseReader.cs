using System;
using System.Collections.Generic;
using BingX.PowerShell.Client.Json;

namespace BingX.PowerShell.Client
{
    /// <summary>Maps BingX's JSON onto the public types, accepting every spelling and shape the exchange is known to use.</summary>
    internal static class ResponseReader
    {
        public static BingXOrder ReadOrder(JsonNode node)
        {
            if (!(node is JsonObject o))
            {
                throw new FormatException("An order is not a JSON object.");
            }
            long? orderId = JsonConvert.ToInt64(o["orderId"], "orderId");
            if (orderId == null)
            {
                throw new FormatException("An order has no orderId.");
            }
            return new BingXOrder
            {
                Symbol = JsonConvert.ToString(o["symbol"]) ?? string.Empty,
                OrderId = orderId.Value,
                // clientOrderID in cancel/list answers, origClientOrderId in the placement answer (live since 2024);
                // ccxt has also seen clientOrderId.
                ClientOrderId = NullIfEmpty(JsonConvert.ToString(o.Any("clientOrderID", "clientOrderId", "origClientOrderId"))),
                Side = BingXEnumParser.ParseSide(JsonConvert.ToString(o["side"])),
                Type = BingXEnumParser.ParseType(JsonConvert.ToString(o["type"])),
                Status = BingXEnumParser.ParseStatus(JsonConvert.ToString(o["status"])),
                Price = JsonConvert.ToDecimal(o["price"], "price") ?? 0m,
                // StopPrice in openOrders/query, stopPrice in cancel responses.
                StopPrice = JsonConvert.ToDecimal(o.Any("StopPrice", "stopPrice"), "stopPrice") ?? 0m,
                OrigQty = JsonConvert.ToDecimal(o["origQty"], "origQty") ?? 0m,
                ExecutedQty = JsonConvert.ToDecimal(o["executedQty"], "executedQty") ?? 0m,
                CummulativeQuoteQty = JsonConvert.ToDecimal(o["cummulativeQuoteQty"], "cummulativeQuoteQty") ?? 0m,
                OrigQuoteOrderQty = JsonConvert.ToDecimal(o["origQuoteOrderQty"], "origQuoteOrderQty"),
                Fee = JsonConvert.ToDecimal(o["fee"], "fee"),
                FeeAsset = NullIfEmpty(JsonConvert.ToString(o["feeAsset"])),
                AvgPrice = JsonConvert.ToDecimal(o["avgPrice"], "avgPrice"),
                TransactTime = JsonConvert.ToTime(o["transactTime"], "transactTime"),
                Time = JsonConvert.ToTime(o["time"], "time"),
                UpdateTime = JsonConvert.ToTime(o["updateTime"], "updateTime"),
            };
        }

        /// <summary><c>{"orders":[...]}</c>; an empty array, null or a missing list all mean no orders.</summary>
        public static List<BingXOrder> ReadOrderList(JsonNode data)
        {
            var orders = new List<BingXOrder>();
            JsonNode? list = data is JsonObject o ? o["orders"] : data as JsonArray;
            if (list == null || list.IsNull)
            {
                return orders;
            }
            if (!(list is JsonArray array))
            {
                throw new FormatException("'orders' is not a list.");
            }
            foreach (JsonNode item in array.Items)
            {
                orders.Add(ReadOrder(item));
            }
            return orders;
        }

        /// <summary>
        /// cancelOrders: <c>{"orders":[...],"fails":[{"orderId":"…","errorCode":N,"errorMessage":"…"}]}</c> (older
        /// answers: <c>"error":"…"</c>). In <c>fails</c> the id is a string (the one place BingX quotes it); a number or
        /// a client order id field is accepted too. The reason carries the code when there is one.
        /// </summary>
        public static BingXCancelResult ReadCancelResult(JsonNode data)
        {
            List<BingXOrder> orders = ReadOrderList(data);
            var fails = new List<BingXCancelFailure>();
            JsonNode? list = data is JsonObject o ? o["fails"] : null;
            if (list != null && !list.IsNull && !(list is JsonArray))
            {
                throw new FormatException("'fails' is not a list.");
            }
            foreach (JsonNode item in list?.Items ?? Array.Empty<JsonNode>())
            {
                if (!(item is JsonObject f))
                {
                    throw new FormatException("An entry of 'fails' is not a JSON object.");
                }
                string? id = NullIfEmpty(JsonConvert.ToString(f.Any("orderId", "clientOrderID", "clientOrderId")));
                if (id == null)
                {
                    throw new FormatException("An entry of 'fails' names no order.");
                }
                string reason = NullIfEmpty(JsonConvert.ToString(f.Any("errorMessage", "error", "msg"))) ?? "no reason given";
                long? code = JsonConvert.ToInt64(f.Any("errorCode", "code"), "errorCode");
                fails.Add(new BingXCancelFailure(id, code.HasValue && code.Value != 0
                    ? reason + " (code " + code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"
                    : reason));
            }
            return new BingXCancelResult(orders, fails);
        }

        public static List<BingXBalance> ReadBalances(JsonNode data)
        {
            var balances = new List<BingXBalance>();
            JsonNode? list = data is JsonObject o ? o["balances"] : null;
            foreach (JsonNode item in list?.Items ?? Array.Empty<JsonNode>())
            {
                if (item is JsonObject b)
                {
                    balances.Add(new BingXBalance
                    {
                        Asset = JsonConvert.ToString(b["asset"]) ?? string.Empty,
                        Free = JsonConvert.ToDecimal(b["free"], "free") ?? 0m,
                        Locked = JsonConvert.ToDecimal(b["locked"], "locked") ?? 0m,
                    });
                }
            }
            return balances;
        }

        public static List<BingXSymbol> ReadSymbols(JsonNode data)
        {
            var symbols = new List<BingXSymbol>();
            JsonNode? list = data is JsonObject o ? o["symbols"] : null;
            foreach (JsonNode item in list?.Items ?? Array.Empty<JsonNode>())
            {
                if (item is JsonObject s)
                {
                    symbols.Add(new BingXSymbol
                    {
                        Symbol = JsonConvert.ToString(s["symbol"]) ?? string.Empty,
                        Status = (int)(JsonConvert.ToInt64(s["status"], "status") ?? 0),
                        TickSize = JsonConvert.ToDecimal(s["tickSize"], "tickSize") ?? 0m,
                        StepSize = JsonConvert.ToDecimal(s["stepSize"], "stepSize") ?? 0m,
                        MinQty = JsonConvert.ToDecimal(s["minQty"], "minQty") ?? 0m,
                        MaxQty = JsonConvert.ToDecimal(s["maxQty"], "maxQty") ?? 0m,
                        MinNotional = JsonConvert.ToDecimal(s["minNotional"], "minNotional") ?? 0m,
                        MaxNotional = JsonConvert.ToDecimal(s["maxNotional"], "maxNotional") ?? 0m,
                        ApiStateBuy = JsonConvert.ToBoolean(s["apiStateBuy"], "apiStateBuy") ?? true,
                        ApiStateSell = JsonConvert.ToBoolean(s["apiStateSell"], "apiStateSell") ?? true,
                    });
                }
            }
            return symbols;
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
