using System;
using System.Linq;
using System.Text.Json;

namespace BingX.Simulator.Api;

/// <summary>Unsigned endpoints (IP group 1): server time and the symbol list.</summary>
public static class PublicEndpoints
{
    public static Action<Utf8JsonWriter> ServerTime(TradeContext context) => writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("serverTime", context.NowMs);
        writer.WriteEndObject();
    };

    /// <summary>All rules are JSON numbers here, unlike the trade endpoints' strings. An unknown symbol gives an empty list.</summary>
    public static Action<Utf8JsonWriter> Symbols(TradeContext context)
    {
        var wanted = context.Parameters.Get("symbol");
        var symbols = context.Exchange.Symbols.All
            .Where(s => string.IsNullOrEmpty(wanted) || s.Symbol == wanted)
            .ToList();
        return writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("symbols");
            foreach (var s in symbols)
            {
                writer.WriteStartObject();
                writer.WriteString("symbol", s.Symbol);
                writer.WriteNumber("minQty", s.MinQty);
                writer.WriteNumber("maxQty", s.MaxQty);
                writer.WriteNumber("minNotional", s.MinNotional);
                writer.WriteNumber("maxNotional", s.MaxNotional);
                writer.WriteNumber("status", s.Status);
                writer.WriteNumber("tickSize", s.TickSize);
                writer.WriteNumber("stepSize", s.StepSize);
                writer.WriteBoolean("apiStateSell", s.ApiStateSell);
                writer.WriteBoolean("apiStateBuy", s.ApiStateBuy);
                writer.WriteNumber("timeOnline", s.TimeOnline);
                writer.WriteNumber("offTime", s.OffTime);
                writer.WriteNumber("maintainTime", 0);
                // Newer fields of the live list (issue 15; ccxt's fetchSpotMarkets comment shows the older ones).
                writer.WriteString("displayName", s.Symbol.Replace('-', '/'));
                writer.WriteNumber("maxMarketNotional", s.MaxNotional);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        };
    }
}
