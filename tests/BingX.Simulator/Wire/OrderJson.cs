using System.Collections.Generic;
using System.Text.Json;
using BingX.Simulator.Exchange;

namespace BingX.Simulator.Wire;

/// <summary>
/// The order shapes BingX answers with. Ids are bare JSON integers (never through a double), decimals are strings
/// (JSON numbers in cancelOpenOrders), and the stop price is spelled `stopPrice` in place/cancel answers but
/// `StopPrice` in openOrders/query.
/// </summary>
public static class OrderJson
{
    /// <summary>trade/cancel, trade/cancelOrders (live capture in ccxt's cancelOrders comment, 2024).</summary>
    public static void WriteCancelShape(Utf8JsonWriter writer, Order order, long transactTime) =>
        WriteShortShape(writer, order, transactTime, "clientOrderID");

    /// <summary>trade/order: the client id comes back as origClientOrderId (live capture in ccxt PR #20654, 2024).</summary>
    public static void WritePlacedShape(Utf8JsonWriter writer, Order order, long transactTime) =>
        WriteShortShape(writer, order, transactTime, "origClientOrderId");

    /// <summary>
    /// trade/cancelOpenOrders: the decimals are JSON numbers here (live capture in ccxt's cancelAllOrders comment:
    /// "price":5,"origQty":10), and no client id is listed.
    /// </summary>
    public static void WriteCancelAllShape(Utf8JsonWriter writer, Order order, long transactTime) =>
        WriteShortShape(writer, order, transactTime, clientIdName: null, decimalsAsNumbers: true);

    /// <summary>The short order of the placement and cancel answers; <paramref name="clientIdName"/> null: no client id.</summary>
    private static void WriteShortShape(Utf8JsonWriter writer, Order order, long transactTime, string? clientIdName, bool decimalsAsNumbers = false)
    {
        writer.WriteStartObject();
        writer.WriteString("symbol", order.Symbol);
        writer.WriteNumber("orderId", order.OrderId);
        writer.WriteNumber("transactTime", transactTime);
        WriteDecimal(writer, "price", order.Price, decimalsAsNumbers);
        WriteDecimal(writer, "stopPrice", order.StopPrice, decimalsAsNumbers);
        WriteDecimal(writer, "origQty", order.OrigQty, decimalsAsNumbers);
        WriteDecimal(writer, "executedQty", order.ExecutedQty, decimalsAsNumbers);
        WriteDecimal(writer, "cummulativeQuoteQty", order.CummulativeQuoteQty, decimalsAsNumbers);
        writer.WriteString("status", order.Status);
        writer.WriteString("type", order.Type);
        writer.WriteString("side", order.Side);
        if (clientIdName is not null)
        {
            writer.WriteString(clientIdName, order.ClientOrderId);
        }
        writer.WriteEndObject();
    }

    private static void WriteDecimal(Utf8JsonWriter writer, string name, decimal value, bool asNumber)
    {
        if (asNumber)
        {
            writer.WriteNumber(name, DecimalText.Normalize(value));
        }
        else
        {
            writer.WriteString(name, DecimalText.Format(value));
        }
    }

    /// <summary>trade/openOrders (and the control API's seeded orders).</summary>
    public static void WriteOpenShape(Utf8JsonWriter writer, Order order) => WriteListed(writer, order, withQueryFields: false);

    /// <summary>trade/query (and the control API's account view).</summary>
    public static void WriteQueryShape(Utf8JsonWriter writer, Order order) => WriteListed(writer, order, withQueryFields: true);

    public static void WriteOrders(Utf8JsonWriter writer, IEnumerable<Order> orders, System.Action<Utf8JsonWriter, Order> writeOne)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("orders");
        foreach (var order in orders)
        {
            writeOne(writer, order);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteListed(Utf8JsonWriter writer, Order order, bool withQueryFields)
    {
        writer.WriteStartObject();
        writer.WriteString("symbol", order.Symbol);
        writer.WriteNumber("orderId", order.OrderId);
        writer.WriteString("price", DecimalText.Format(order.Price));
        writer.WriteString("StopPrice", DecimalText.Format(order.StopPrice));
        writer.WriteString("origQty", DecimalText.Format(order.OrigQty));
        writer.WriteString("executedQty", DecimalText.Format(order.ExecutedQty));
        writer.WriteString("cummulativeQuoteQty", DecimalText.Format(order.CummulativeQuoteQty));
        writer.WriteString("status", order.Status);
        writer.WriteString("type", order.Type);
        writer.WriteString("side", order.Side);
        writer.WriteNumber("time", order.Time);
        writer.WriteNumber("updateTime", order.UpdateTime);
        writer.WriteString("origQuoteOrderQty", DecimalText.Format(order.OrigQuoteOrderQty));
        // The fee is a string ("fee":"0" in BingX.Net's GetOrder fixture, "fee":"-0.01" in ccxt's live openOrders
        // comment); the docs' openOrders example types it as a number, the live capture wins.
        writer.WriteString("fee", DecimalText.Format(DecimalText.Normalize(order.Fee)));
        if (withQueryFields)
        {
            writer.WriteString("feeAsset", order.FeeAsset);
            writer.WriteString("avgPrice", DecimalText.Format(order.AvgPrice));
        }
        writer.WriteString("clientOrderID", order.ClientOrderId);
        writer.WriteEndObject();
    }
}
