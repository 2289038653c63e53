using System.Collections.Generic;
using System.Text.Json;
using BingX.Simulator.Exchange;

namespace BingX.Simulator.Api;

/// <summary>
/// The three order shapes BingX answers with. Ids are bare JSON integers (never through a double), decimals are
/// strings, and the stop price is spelled `stopPrice` in place/cancel answers but `StopPrice` in openOrders/query.
/// </summary>
public static class OrderJson
{
    /// <summary>trade/order, trade/cancel, trade/cancelOrders, trade/cancelOpenOrders.</summary>
    public static void WriteCancelShape(Utf8JsonWriter writer, Order order, long transactTime)
    {
        writer.WriteStartObject();
        writer.WriteString("symbol", order.Symbol);
        writer.WriteNumber("orderId", order.OrderId);
        writer.WriteNumber("transactTime", transactTime);
        writer.WriteString("price", DecimalText.Format(order.Price));
        writer.WriteString("stopPrice", DecimalText.Format(order.StopPrice));
        writer.WriteString("origQty", DecimalText.Format(order.OrigQty));
        writer.WriteString("executedQty", DecimalText.Format(order.ExecutedQty));
        writer.WriteString("cummulativeQuoteQty", DecimalText.Format(order.CummulativeQuoteQty));
        writer.WriteString("status", order.Status);
        writer.WriteString("type", order.Type);
        writer.WriteString("side", order.Side);
        writer.WriteString("clientOrderID", order.ClientOrderId);
        writer.WriteEndObject();
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
        // BingX sends the fee as a JSON number (e.g. "fee":0), unlike the other decimals.
        writer.WriteNumber("fee", order.Fee);
        if (withQueryFields)
        {
            writer.WriteString("feeAsset", order.FeeAsset);
            writer.WriteString("avgPrice", DecimalText.Format(order.AvgPrice));
        }
        writer.WriteString("clientOrderID", order.ClientOrderId);
        writer.WriteEndObject();
    }
}
