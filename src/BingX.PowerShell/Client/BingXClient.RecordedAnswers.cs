using System.Text.Json;
using BingX.PowerShell.Client.Http;
using BingX.PowerShell.Client.Reading;

namespace BingX.PowerShell.Client;

internal sealed partial class BingXClient
{
    private static readonly BingXEndpoint[] CalledEndpoints =
    {
        BingXEndpoint.CancelOpenOrders, BingXEndpoint.OpenOrders, BingXEndpoint.CancelOrder, BingXEndpoint.CancelOrders,
        BingXEndpoint.PlaceOrder, BingXEndpoint.QueryOrder, BingXEndpoint.Balance, BingXEndpoint.Symbols, BingXEndpoint.ServerTime,
        BingXEndpoint.CancelAllAfter, BingXEndpoint.HistoryOrders, BingXEndpoint.MyTrades,
    };

    /// <summary>
    /// A recorded answer of <paramref name="path"/> (tests/data/real-answers) read exactly as a live one would be,
    /// through the envelope stage and the endpoint's reader. Throws what a live call throws.
    /// </summary>
    internal static object ReadRecordedAnswer(string path, int httpStatus, string body)
    {
        BingXEndpoint endpoint = Array.Find(CalledEndpoints, e => e.Path == path) ?? throw new ArgumentException("The module does not call " + path + ".");
        JsonElement data = EnvelopeReader.Read(endpoint, new HttpAnswer(httpStatus, null, "application/json", body));
        if (endpoint == BingXEndpoint.CancelOpenOrders || endpoint == BingXEndpoint.OpenOrders || endpoint == BingXEndpoint.HistoryOrders)
        {
            return Read(endpoint, () => ResponseReader.ReadOrderList(data));
        }
        if (endpoint == BingXEndpoint.CancelOrders)
        {
            return Read(endpoint, () => ResponseReader.ReadCancelResult(data));
        }
        if (endpoint == BingXEndpoint.Balance)
        {
            return Read(endpoint, () => ResponseReader.ReadBalances(data));
        }
        if (endpoint == BingXEndpoint.Symbols)
        {
            return Read(endpoint, () => ResponseReader.ReadSymbols(data));
        }
        if (endpoint == BingXEndpoint.CancelAllAfter)
        {
            return Read(endpoint, () => HistoryReader.ReadCancelTimer(data, 0));
        }
        if (endpoint == BingXEndpoint.MyTrades)
        {
            return Read(endpoint, () => HistoryReader.ReadTrades(data));
        }
        if (endpoint == BingXEndpoint.ServerTime)
        {
            return ClockSync.ReadServerTime(data);
        }
        return Read(endpoint, () => ResponseReader.ReadOrder(data));
    }
}
