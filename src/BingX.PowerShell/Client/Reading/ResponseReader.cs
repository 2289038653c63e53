using System.Text.Json;

namespace BingX.PowerShell.Client.Reading;

/// <summary>Maps BingX's JSON onto the public types, accepting every spelling and shape the exchange is known to use.</summary>
internal static class ResponseReader
{
    public static BingXOrder ReadOrder(JsonElement o)
    {
        if (!o.IsObject())
        {
            throw new FormatException("An order is not a JSON object.");
        }
        long? orderId = o.ReadInt64("orderId");
        if (orderId == null)
        {
            throw new FormatException("An order has no orderId.");
        }
        return new BingXOrder
        {
            Symbol = o.ReadString("symbol") ?? string.Empty,
            OrderId = orderId.Value,
            // clientOrderID in cancel/list answers, origClientOrderId in the placement answer (live since 2024);
            // ccxt has also seen clientOrderId.
            ClientOrderId = NullIfEmpty(JsonFields.ToText(o.Any("clientOrderID", "clientOrderId", "origClientOrderId"))),
            Side = BingXEnumParser.ParseSide(o.ReadString("side")),
            Type = BingXEnumParser.ParseType(o.ReadString("type")),
            Status = BingXEnumParser.ParseStatus(o.ReadString("status")),
            Price = o.ReadDecimal("price") ?? 0m,
            // StopPrice in openOrders/query, stopPrice in cancel responses.
            StopPrice = JsonFields.ToDecimal(o.Any("StopPrice", "stopPrice"), "stopPrice") ?? 0m,
            OrigQty = o.ReadDecimal("origQty") ?? 0m,
            ExecutedQty = o.ReadDecimal("executedQty") ?? 0m,
            CummulativeQuoteQty = o.ReadDecimal("cummulativeQuoteQty") ?? 0m,
            OrigQuoteOrderQty = o.ReadDecimal("origQuoteOrderQty"),
            Fee = o.ReadDecimal("fee"),
            FeeAsset = NullIfEmpty(o.ReadString("feeAsset")),
            AvgPrice = o.ReadDecimal("avgPrice"),
            TransactTime = o.ReadTime("transactTime"),
            Time = o.ReadTime("time"),
            UpdateTime = o.ReadTime("updateTime"),
        };
    }

    /// <summary><c>{"orders":[...]}</c>; an empty array, null or a missing list all mean no orders.</summary>
    public static List<BingXOrder> ReadOrderList(JsonElement data) => data.ReadList("orders", ReadOrder);

    /// <summary>
    /// cancelOrders: <c>{"orders":[...],"fails":[{"orderId":"…","errorCode":N,"errorMessage":"…"}]}</c> (older
    /// answers: <c>"error":"…"</c>). In <c>fails</c> the id is a string (the one place BingX quotes it); a number or
    /// a client order id field is accepted too. The reason carries the code when there is one.
    /// </summary>
    public static BingXCancelResult ReadCancelResult(JsonElement data) =>
        // An array is the order list alone (ReadOrderList reads it as such): it has no fails.
        new BingXCancelResult(ReadOrderList(data), data.IsObject() ? data.ReadList("fails", ReadCancelFailure) : new List<BingXCancelFailure>());

    private static BingXCancelFailure ReadCancelFailure(JsonElement f)
    {
        if (!f.IsObject())
        {
            throw new FormatException("An entry of 'fails' is not a JSON object.");
        }
        string? id = NullIfEmpty(JsonFields.ToText(f.Any("orderId", "clientOrderID", "clientOrderId")));
        if (id == null)
        {
            throw new FormatException("An entry of 'fails' names no order.");
        }
        string reason = NullIfEmpty(JsonFields.ToText(f.Any("errorMessage", "error", "msg"))) ?? "no reason given";
        long? code = JsonFields.ToInt64(f.Any("errorCode", "code"), "errorCode");
        return new BingXCancelFailure(id, code.HasValue && code.Value != 0
            ? reason + " (code " + code.Value.ToString(CultureInfo.InvariantCulture) + ")"
            : reason);
    }

    public static List<BingXBalance> ReadBalances(JsonElement data) => data.ReadObjects("balances", b => new BingXBalance
    {
        Asset = b.ReadString("asset") ?? string.Empty,
        Free = b.ReadDecimal("free") ?? 0m,
        Locked = b.ReadDecimal("locked") ?? 0m,
    });

    public static List<BingXSymbol> ReadSymbols(JsonElement data) => data.ReadObjects("symbols", s => new BingXSymbol
    {
        Symbol = s.ReadString("symbol") ?? string.Empty,
        Status = (int)(s.ReadInt64("status") ?? 0),
        TickSize = s.ReadDecimal("tickSize") ?? 0m,
        StepSize = s.ReadDecimal("stepSize") ?? 0m,
        MinQty = s.ReadDecimal("minQty") ?? 0m,
        MaxQty = s.ReadDecimal("maxQty") ?? 0m,
        MinNotional = s.ReadDecimal("minNotional") ?? 0m,
        MaxNotional = s.ReadDecimal("maxNotional") ?? 0m,
        ApiStateBuy = s.ReadBoolean("apiStateBuy") ?? true,
        ApiStateSell = s.ReadBoolean("apiStateSell") ?? true,
    });

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
