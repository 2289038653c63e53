using System.Net.Http;

namespace BingX.PowerShell.Client;

/// <summary>What retrying a request whose answer was lost would do.</summary>
internal enum RetrySafety
{
    /// <summary>Reads: repeating changes nothing.</summary>
    Safe,

    /// <summary>Cancels: repeating cannot do harm twice (an order is cancelled at most once).</summary>
    Idempotent,

    /// <summary>Placing an order: repeating could trade twice. Never retried blindly.</summary>
    Unsafe,
}

/// <summary>One REST endpoint with the facts the transport needs: path, method, signing and the documented UID rate.</summary>
/// <param name="Path">The path below the base address.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Signed">Whether the request carries the API key and a signature.</param>
/// <param name="RequestsPerSecond">The documented per-UID limit; 0 for public endpoints (limited per IP only).</param>
/// <param name="RetrySafety">What retrying it after a lost answer would do.</param>
internal sealed record BingXEndpoint(string Path, HttpMethod Method, bool Signed, int RequestsPerSecond, RetrySafety RetrySafety)
{
    public override string ToString() => Method.Method + " " + Path;

    private const string Spot = "/openApi/spot/v1/";

    public static readonly BingXEndpoint CancelOpenOrders = new BingXEndpoint(Spot + "trade/cancelOpenOrders", HttpMethod.Post, true, 2, RetrySafety.Idempotent);
    public static readonly BingXEndpoint OpenOrders = new BingXEndpoint(Spot + "trade/openOrders", HttpMethod.Get, true, 10, RetrySafety.Safe);
    public static readonly BingXEndpoint CancelOrder = new BingXEndpoint(Spot + "trade/cancel", HttpMethod.Post, true, 5, RetrySafety.Idempotent);
    public static readonly BingXEndpoint CancelOrders = new BingXEndpoint(Spot + "trade/cancelOrders", HttpMethod.Post, true, 2, RetrySafety.Idempotent);
    public static readonly BingXEndpoint PlaceOrder = new BingXEndpoint(Spot + "trade/order", HttpMethod.Post, true, 5, RetrySafety.Unsafe);
    public static readonly BingXEndpoint QueryOrder = new BingXEndpoint(Spot + "trade/query", HttpMethod.Get, true, 10, RetrySafety.Safe);
    public static readonly BingXEndpoint Balance = new BingXEndpoint(Spot + "account/balance", HttpMethod.Get, true, 5, RetrySafety.Safe);
    public static readonly BingXEndpoint Symbols = new BingXEndpoint(Spot + "common/symbols", HttpMethod.Get, false, 0, RetrySafety.Safe);
    public static readonly BingXEndpoint ServerTime = new BingXEndpoint(Spot + "server/time", HttpMethod.Get, false, 0, RetrySafety.Safe);

    // The dead man's switch: the page's header says 2/s, its text "Rate limit: 1 time/1s"; the stricter one.
    // Repeating an ACTIVATE re-arms the same countdown, a CLOSE closes it again: idempotent.
    public static readonly BingXEndpoint CancelAllAfter = new BingXEndpoint(Spot + "trade/cancelAllAfter", HttpMethod.Post, true, 1, RetrySafety.Idempotent);
    public static readonly BingXEndpoint HistoryOrders = new BingXEndpoint(Spot + "trade/historyOrders", HttpMethod.Get, true, 10, RetrySafety.Safe);
    public static readonly BingXEndpoint MyTrades = new BingXEndpoint(Spot + "trade/myTrades", HttpMethod.Get, true, 5, RetrySafety.Safe);
}
