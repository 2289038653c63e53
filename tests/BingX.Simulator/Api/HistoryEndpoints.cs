using System;
using System.Globalization;
using System.Text.Json;
using BingX.Simulator.Errors;
using BingX.Simulator.Exchange;
using BingX.Simulator.Wire;

namespace BingX.Simulator.Api;

/// <summary>trade/cancelAllAfter, trade/historyOrders and trade/myTrades (issue 14).</summary>
public static class HistoryEndpoints
{
    public const int MinTimeoutSeconds = 10;
    public const int MaxTimeoutSeconds = 120;
    public const int MaxPageSize = 100;
    public const int MaxPageProduct = 10_000;
    public const int DefaultTradeLimit = 500;
    public const int MaxTradeLimit = 1000;
    public const long MaxTradeSpanMs = 7L * 24 * 60 * 60 * 1000;
    public const long DefaultTradeSpanMs = 24L * 60 * 60 * 1000;

    private static readonly string[] TimerTypes = ["ACTIVATE", "CLOSE"];
    private static readonly string[] HistoryStatuses = [OrderStatus.Filled, OrderStatus.Canceled, OrderStatus.Failed];

    public static Action<Utf8JsonWriter> CancelAllAfter(TradeContext context)
    {
        var parameters = context.Parameters;
        var type = ParameterRules.RequiredChoice(parameters, "type", TimerTypes);
        if (type == "ACTIVATE")
        {
            var timeOut = ParameterRules.IntegerWithin(parameters, "timeOut", MinTimeoutSeconds, MaxTimeoutSeconds)
                ?? throw ErrorCatalogue.Missing("timeOut");
            if (!context.Exchange.ActivateCancelAfter(context.Caller, (int)timeOut, context.NowMs, out var triggerTimeMs))
            {
                return Busy;
            }
            var at = DateTimeOffset.FromUnixTimeMilliseconds(triggerTimeMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            // triggerTime in seconds, as BingX's own sample answer shows (1710389137 for 2024-03-14 04:05:37 UTC).
            return TimerAnswer(triggerTimeMs / 1000, "ACTIVATED",
                $"All your spot pending orders will be closed automatically at {at} UTC(+0),before that you can cancel the timer, or extend triggerTime time by this request");
        }
        // CLOSE ignores timeOut, but a malformed one is still refused.
        ParameterRules.OptionalInteger(parameters, "timeOut");
        return context.Exchange.CloseCancelAfter(context.Caller, context.NowMs)
            ? TimerAnswer(0, "CLOSED", "The countdown is closed, your spot pending orders will not be canceled automatically")
            : Busy;
    }

    // Documented: while the fired mass cancel runs, ACTIVATE and CLOSE are refused.
    private static Action<Utf8JsonWriter> Busy => TimerAnswer(0, "FAILED",
        "The system is canceling all your spot pending orders; ACTIVATE and CLOSE are accepted again once it has finished");

    private static Action<Utf8JsonWriter> TimerAnswer(long triggerTime, string status, string note) => writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("triggerTime", triggerTime);
        writer.WriteString("status", status);
        writer.WriteString("note", note);
        writer.WriteEndObject();
    };

    public static Action<Utf8JsonWriter> HistoryOrders(TradeContext context)
    {
        var parameters = context.Parameters;
        var symbol = ParameterRules.OptionalSymbol(context);
        var orderId = ParameterRules.OrderId(parameters);
        var startTime = ParameterRules.OptionalInteger(parameters, "startTime");
        var endTime = ParameterRules.OptionalInteger(parameters, "endTime");
        var pageIndex = ParameterRules.IntegerWithin(parameters, "pageIndex", 1, MaxPageProduct) ?? 1;
        var pageSize = ParameterRules.IntegerWithin(parameters, "pageSize", 1, MaxPageSize) ?? MaxPageSize;
        if (pageIndex * pageSize > MaxPageProduct)
        {
            throw ErrorCatalogue.Invalid($"pageIndex * pageSize must be at most {MaxPageProduct}");
        }
        if (startTime is not null && endTime is not null && startTime > endTime)
        {
            throw ErrorCatalogue.Invalid("startTime: it is after endTime");
        }
        var status = ParameterRules.OptionalChoice(parameters, "status", HistoryStatuses);
        var type = ParameterRules.OptionalChoice(parameters, "type", OrderType.All);
        var orders = context.Exchange.HistoryOrders(context.Caller,
            new HistoryFilter(symbol, orderId, startTime, endTime, status, type, (int)pageIndex, (int)pageSize));
        return writer => OrderJson.WriteOrders(writer, orders, OrderJson.WriteQueryShape);
    }

    public static Action<Utf8JsonWriter> MyTrades(TradeContext context)
    {
        var parameters = context.Parameters;
        var symbol = ParameterRules.RequiredSymbol(context);
        var orderId = ParameterRules.OrderId(parameters);
        var fromId = ParameterRules.OrderId(parameters, "fromId");
        var limit = ParameterRules.IntegerWithin(parameters, "limit", 1, MaxTradeLimit) ?? DefaultTradeLimit;
        var startTime = ParameterRules.OptionalInteger(parameters, "startTime");
        var endTime = ParameterRules.OptionalInteger(parameters, "endTime");
        // Without a range: the last 24 hours (documented).
        var end = endTime ?? (startTime is { } s ? Math.Min(s + DefaultTradeSpanMs, context.NowMs) : context.NowMs);
        var start = startTime ?? end - DefaultTradeSpanMs;
        if (start > end)
        {
            throw ErrorCatalogue.Invalid("startTime: it is after endTime");
        }
        if (end - start > MaxTradeSpanMs)
        {
            throw ErrorCatalogue.Invalid("startTime, endTime: the range can be at most 7 days");
        }
        var trades = context.Exchange.Trades(context.Caller, symbol, orderId, start, end, fromId, (int)limit);
        return writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("fills");
            foreach (var trade in trades)
            {
                writer.WriteStartObject();
                writer.WriteString("symbol", trade.Symbol);
                writer.WriteNumber("id", trade.Id);
                writer.WriteNumber("orderId", trade.OrderId);
                writer.WriteString("price", DecimalText.Format(trade.Price));
                writer.WriteString("qty", DecimalText.Format(trade.Qty));
                writer.WriteString("quoteQty", DecimalText.Format(trade.QuoteQty));
                // Documented as float64: a JSON number, unlike the other decimals.
                writer.WriteNumber("commission", trade.Commission);
                writer.WriteString("commissionAsset", trade.CommissionAsset);
                writer.WriteNumber("time", trade.Time);
                writer.WriteBoolean("isBuyer", trade.IsBuyer);
                writer.WriteBoolean("isMaker", trade.IsMaker);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        };
    }
}
