using System;
using System.Linq;
using System.Text.Json;
using BingX.Simulator.Errors;
using BingX.Simulator.Exchange;
using BingX.Simulator.Wire;

namespace BingX.Simulator.Api;

/// <summary>The signed spot endpoints: parameter checks, then the exchange, then the data object of the answer.</summary>
public static class TradeEndpoints
{
    public static Action<Utf8JsonWriter> CancelOpenOrders(TradeContext context)
    {
        var symbol = ParameterRules.OptionalSymbol(context);
        var canceled = context.Exchange.CancelOpen(context.Caller, symbol, context.NowMs);
        return writer => OrderJson.WriteOrders(writer, canceled, (w, o) => OrderJson.WriteCancelAllShape(w, o, o.UpdateTime));
    }

    public static Action<Utf8JsonWriter> OpenOrders(TradeContext context)
    {
        var symbol = ParameterRules.OptionalSymbol(context);
        var open = context.Exchange.OpenOrders(context.Caller, symbol);
        return writer => OrderJson.WriteOrders(writer, open, OrderJson.WriteOpenShape);
    }

    public static Action<Utf8JsonWriter> Cancel(TradeContext context)
    {
        var parameters = context.Parameters;
        var symbol = ParameterRules.RequiredSymbol(context);
        var (orderId, clientOrderId) = ParameterRules.OrderReference(parameters);
        var restriction = ParameterRules.CancelRestriction(parameters);
        var order = context.Exchange.Cancel(context.Caller, symbol, orderId, clientOrderId, restriction, context.NowMs);
        return writer => OrderJson.WriteCancelShape(writer, order, order.UpdateTime);
    }

    public static Action<Utf8JsonWriter> CancelOrders(TradeContext context)
    {
        var parameters = context.Parameters;
        var symbol = ParameterRules.RequiredSymbol(context);
        var orderIds = ParameterRules.List(parameters, "orderIds");
        var clientOrderIds = orderIds is null ? ParameterRules.List(parameters, "clientOrderIDs") : null;
        if (orderIds is null && clientOrderIds is null)
        {
            throw ErrorCatalogue.Invalid("orderIds or clientOrderIDs: one of them is required");
        }
        foreach (var id in orderIds ?? [])
        {
            ParameterRules.ParseOrderId("orderIds", id);
        }
        var process = ParameterRules.OptionalChoice(parameters, "process", ["0", "1"]) ?? "0";
        var (canceled, fails) = context.Exchange.CancelMany(
            context.Caller, symbol, (orderIds ?? clientOrderIds)!, byClientOrderId: orderIds is null,
            allOrNothing: process == "0", context.NowMs);
        return writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("orders");
            foreach (var order in canceled)
            {
                OrderJson.WriteCancelShape(writer, order, order.UpdateTime);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("fails");
            foreach (var (id, code, error) in fails)
            {
                writer.WriteStartObject();
                // The one place BingX sends an order id as a string.
                writer.WriteString("orderId", id);
                writer.WriteNumber("errorCode", code);
                writer.WriteString("errorMessage", error);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        };
    }

    public static Action<Utf8JsonWriter> PlaceOrder(TradeContext context)
    {
        var parameters = context.Parameters;
        var symbol = parameters.Get("symbol");
        if (string.IsNullOrEmpty(symbol))
        {
            throw ErrorCatalogue.Missing("symbol");
        }
        var side = ParameterRules.RequiredChoice(parameters, "side", [OrderSide.Buy, OrderSide.Sell]);
        var type = ParameterRules.RequiredChoice(parameters, "type", OrderType.All);
        var quantity = ParameterRules.PositiveDecimal(parameters, "quantity");
        var quoteOrderQty = ParameterRules.PositiveDecimal(parameters, "quoteOrderQty");
        var price = ParameterRules.PositiveDecimal(parameters, "price");
        var stopPrice = ParameterRules.PositiveDecimal(parameters, "stopPrice");
        var timeInForce = ParameterRules.TimeInForce(parameters);
        var clientOrderId = ParameterRules.ClientOrderId(parameters, "newClientOrderId");
        symbol = ParameterRules.RequiredSymbol(context);

        if (OrderType.NeedsPrice(type) && price is null)
        {
            throw ErrorCatalogue.Invalid($"price: a {type} order needs a price");
        }
        if (OrderType.IsTrigger(type) && stopPrice is null)
        {
            throw ErrorCatalogue.Invalid($"stopPrice: a {type} order needs a stopPrice");
        }
        if (quantity is null && quoteOrderQty is null)
        {
            throw ErrorCatalogue.Invalid($"quantity or quoteOrderQty: a {side} {type} order needs one of them");
        }

        var request = new OrderRequest(symbol, side, type, quantity, quoteOrderQty,
            OrderType.NeedsPrice(type) ? price : null, stopPrice, timeInForce, clientOrderId);
        var order = context.Exchange.PlaceOrder(context.Caller, request, context.NowMs);
        return writer => OrderJson.WritePlacedShape(writer, order, order.Time);
    }

    public static Action<Utf8JsonWriter> Query(TradeContext context)
    {
        var parameters = context.Parameters;
        var symbol = ParameterRules.RequiredSymbol(context);
        var (orderId, clientOrderId) = ParameterRules.OrderReference(parameters);
        var order = context.Exchange.Query(context.Caller, symbol, orderId, clientOrderId);
        return writer => OrderJson.WriteQueryShape(writer, order);
    }

    public static Action<Utf8JsonWriter> Balance(TradeContext context)
    {
        var balances = context.Exchange.BalancesOf(context.Caller);
        return writer =>
        {
            writer.WriteStartObject();
            // Assets at zero are listed too, as on the live exchange (BingX.Net GetBalances fixture: "VST" 0/0).
            BalanceJson.WriteBalances(writer, balances.OrderBy(b => b.Asset, StringComparer.Ordinal));
            writer.WriteEndObject();
        };
    }
}
