using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using BingX.Simulator.Exchange;

namespace BingX.Simulator.Api;

/// <summary>One /openApi route: its method, who may call it, its UID rate limit and the business handler.</summary>
public sealed record ApiEndpoint(
    string Path,
    string Method,
    bool IsPublic,
    string Permission,
    int UidPerSecond,
    Func<TradeContext, Action<Utf8JsonWriter>> Handle);

/// <summary>What a business handler gets: the exchange, the caller's account (null for public routes), its parameters, now.</summary>
public sealed record TradeContext(SpotExchange Exchange, Account? Account, RequestParameters Parameters, long NowMs)
{
    public Account Caller => Account ?? throw new InvalidOperationException("a private endpoint without an account");
}

public static class ApiEndpoints
{
    /// <summary>Every endpoint, found by its path (each path written once, in the endpoint).</summary>
    private static readonly Dictionary<string, ApiEndpoint> ByPath = new ApiEndpoint[]
    {
        new("/openApi/spot/v1/trade/cancelOpenOrders", "POST", false, Permission.SpotTrading, 2, TradeEndpoints.CancelOpenOrders),
        new("/openApi/spot/v1/trade/openOrders", "GET", false, Permission.Read, 10, TradeEndpoints.OpenOrders),
        new("/openApi/spot/v1/trade/cancel", "POST", false, Permission.SpotTrading, 5, TradeEndpoints.Cancel),
        new("/openApi/spot/v1/trade/cancelOrders", "POST", false, Permission.SpotTrading, 2, TradeEndpoints.CancelOrders),
        new("/openApi/spot/v1/trade/order", "POST", false, Permission.SpotTrading, 5, TradeEndpoints.PlaceOrder),
        new("/openApi/spot/v1/trade/query", "GET", false, Permission.Read, 10, TradeEndpoints.Query),
        new("/openApi/spot/v1/account/balance", "GET", false, Permission.Read, 5, TradeEndpoints.Balance),
        new("/openApi/spot/v1/common/symbols", "GET", true, "", 0, PublicEndpoints.Symbols),
        new("/openApi/spot/v1/server/time", "GET", true, "", 0, PublicEndpoints.ServerTime),
        // Issue 14. cancelAllAfter: the page's header says 2/s, its text "Rate limit: 1 time/1s"; the stricter one.
        new("/openApi/spot/v1/trade/cancelAllAfter", "POST", false, Permission.SpotTrading, 1, HistoryEndpoints.CancelAllAfter),
        new("/openApi/spot/v1/trade/historyOrders", "GET", false, Permission.Read, 10, HistoryEndpoints.HistoryOrders),
        new("/openApi/spot/v1/trade/myTrades", "GET", false, Permission.Read, 5, HistoryEndpoints.MyTrades),
    }.ToDictionary(endpoint => endpoint.Path, StringComparer.Ordinal);

    /// <summary>Paths are matched exactly (case-sensitive, like the real gateway).</summary>
    public static ApiEndpoint? Find(string path) => ByPath.GetValueOrDefault(path);
}
