using System.Text.Json;
using BingX.PowerShell.Client.Reading;

namespace BingX.PowerShell.Client;

/// <summary>The dead man's switch, order history and fills (issue 14).</summary>
internal sealed partial class BingXClient
{
    public const int MinCancelTimerSeconds = 10;
    public const int MaxCancelTimerSeconds = 120;

    /// <summary>historyOrders: at most 100 a page, and pageIndex * pageSize at most 10,000.</summary>
    public const int HistoryPageSize = 100;
    public const int HistoryMaxPages = 100;

    /// <summary>myTrades: at most 1000 fills a call, over at most 7 days.</summary>
    public const int TradeLimit = 1000;
    public static readonly TimeSpan TradeMaxSpan = TimeSpan.FromDays(7);

    /// <summary>
    /// Arms (or re-arms) the exchange's countdown: unless called again within <paramref name="seconds"/>, BingX
    /// cancels every open spot order of the account. A FAILED answer (a fired mass cancel still runs) is an error.
    /// </summary>
    public async Task<BingXCancelTimer> EnableCancelTimerAsync(int seconds, CancellationToken cancellationToken)
    {
        if (seconds < MinCancelTimerSeconds || seconds > MaxCancelTimerSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, $"The countdown must be {MinCancelTimerSeconds} to {MaxCancelTimerSeconds} seconds.");
        }
        JsonElement data = await SendAsync(BingXEndpoint.CancelAllAfter, cancellationToken,
            Param("type", "ACTIVATE"),
            Param("timeOut", seconds.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
        return RequireTimerStatus(Read(BingXEndpoint.CancelAllAfter, () => HistoryReader.ReadCancelTimer(data, seconds)), "ACTIVATED", "arm");
    }

    /// <summary>Stops the countdown: open orders stay. A FAILED answer is an error.</summary>
    public async Task<BingXCancelTimer> DisableCancelTimerAsync(CancellationToken cancellationToken)
    {
        JsonElement data = await SendAsync(BingXEndpoint.CancelAllAfter, cancellationToken, Param("type", "CLOSE")).ConfigureAwait(false);
        return RequireTimerStatus(Read(BingXEndpoint.CancelAllAfter, () => HistoryReader.ReadCancelTimer(data, 0)), "CLOSED", "close");
    }

    private static BingXCancelTimer RequireTimerStatus(BingXCancelTimer timer, string expected, string verb)
    {
        if (string.Equals(timer.Status, expected, StringComparison.OrdinalIgnoreCase))
        {
            return timer;
        }
        string why = string.IsNullOrEmpty(timer.Note) ? "no reason given" : timer.Note!;
        throw new BingXException(BingXErrorIds.CancelTimerRefused, BingXErrorKind.ApiError,
            $"BingX did not {verb} the cancel timer: it answered {(string.IsNullOrEmpty(timer.Status) ? "no status" : timer.Status)} ({why}). " +
            "BingX refuses this while it is still cancelling all open orders after the timer fired; check the open orders, then try again.",
            BingXEndpoint.CancelAllAfter.Path);
    }

    /// <summary>
    /// One page of <see cref="HistoryPageSize"/> closed orders (trade/historyOrders), as BingX orders them (most recent first).
    /// </summary>
    public async Task<List<BingXOrder>> GetOrderHistoryPageAsync(BingXOrderHistoryQuery query, int pageIndex, CancellationToken cancellationToken)
    {
        JsonElement data = await SendAsync(BingXEndpoint.HistoryOrders, cancellationToken,
            Param("symbol", query.Symbol),
            Param("startTime", query.StartTime.HasValue ? WireFormat.Int64(query.StartTime.Value.ToUnixTimeMilliseconds()) : null),
            Param("endTime", query.EndTime.HasValue ? WireFormat.Int64(query.EndTime.Value.ToUnixTimeMilliseconds()) : null),
            Param("status", query.Status),
            Param("type", query.Type),
            Param("pageIndex", pageIndex.ToString(CultureInfo.InvariantCulture)),
            Param("pageSize", HistoryPageSize.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
        return Read(BingXEndpoint.HistoryOrders, () => ResponseReader.ReadOrderList(data));
    }

    /// <summary>
    /// One call of trade/myTrades: up to <see cref="TradeLimit"/> fills of one symbol in [start, end] (at most 7 days
    /// apart), oldest first.
    /// </summary>
    public async Task<List<BingXTrade>> GetTradesAsync(string symbol, long? orderId, DateTimeOffset? start, DateTimeOffset? end, long? fromId, CancellationToken cancellationToken)
    {
        if (start.HasValue && end.HasValue && end.Value - start.Value > TradeMaxSpan)
        {
            throw new ArgumentException("BingX returns fills over at most 7 days a call.");
        }
        JsonElement data = await SendAsync(BingXEndpoint.MyTrades, cancellationToken,
            Param("symbol", symbol),
            Param("orderId", orderId.HasValue ? WireFormat.Int64(orderId.Value) : null),
            Param("startTime", start.HasValue ? WireFormat.Int64(start.Value.ToUnixTimeMilliseconds()) : null),
            Param("endTime", end.HasValue ? WireFormat.Int64(end.Value.ToUnixTimeMilliseconds()) : null),
            Param("fromId", fromId.HasValue ? WireFormat.Int64(fromId.Value) : null),
            Param("limit", TradeLimit.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
        return Read(BingXEndpoint.MyTrades, () => HistoryReader.ReadTrades(data));
    }

    /// <summary>Splits [start, end] into consecutive windows of at most 7 days (both ends inclusive, to the millisecond).</summary>
    public static List<(DateTimeOffset Start, DateTimeOffset End)> SplitTradeRange(DateTimeOffset start, DateTimeOffset end)
    {
        var windows = new List<(DateTimeOffset, DateTimeOffset)>();
        DateTimeOffset from = start;
        while (true)
        {
            DateTimeOffset to = end - from > TradeMaxSpan ? from + TradeMaxSpan : end;
            windows.Add((from, to));
            if (to >= end)
            {
                return windows;
            }
            from = to.AddMilliseconds(1);
        }
    }
}

/// <summary>The filters of an order-history query; null means not sent.</summary>
internal sealed class BingXOrderHistoryQuery
{
    public string? Symbol { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    /// <summary>FILLED, CANCELED or FAILED.</summary>
    public string? Status { get; set; }

    public string? Type { get; set; }
}
