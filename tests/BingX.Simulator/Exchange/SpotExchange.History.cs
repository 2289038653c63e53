using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace BingX.Simulator.Exchange;

/// <summary>Order history, fills and the cancel-all-after timer (issue 14), apart from the order book itself.</summary>
public sealed partial class SpotExchange
{
    // Trade ids are 64-bit and increasing, like order ids; their own sequence, drawn under the exchange lock too.
    private readonly OrderIdGenerator _tradeIds = new();

    /// <summary>Called under the lock when an order fills (all or part): one fill, fee as the order's fee is charged.</summary>
    private void RecordTrade(Account account, SymbolInfo info, Order order, decimal qty, decimal price, bool isMaker, long nowMs)
    {
        var quoteQty = DecimalText.Normalize(qty * price);
        var isBuyer = order.Side == OrderSide.Buy;
        var received = isBuyer ? qty : quoteQty;
        account.History.Trades.Add(new Trade(_tradeIds.Next(), order.OrderId, order.Symbol, price, qty, quoteQty,
            DecimalText.Normalize(received * FeeRate), isBuyer ? info.BaseAsset : info.QuoteAsset, nowMs, isBuyer, isMaker));
    }

    /// <summary>Closed orders (FILLED, CANCELED, FAILED) matching the filter, most recent first, one page of them.</summary>
    public IReadOnlyList<Order> HistoryOrders(Account account, HistoryFilter filter)
    {
        lock (_gate)
        {
            return account.Orders
                .Where(o => !o.IsOpen)
                .Where(o => filter.Symbol is null || o.Symbol == filter.Symbol)
                .Where(o => filter.FromOrderId is null || o.OrderId >= filter.FromOrderId)
                .Where(o => filter.StartTimeMs is null || o.Time >= filter.StartTimeMs)
                .Where(o => filter.EndTimeMs is null || o.Time <= filter.EndTimeMs)
                .Where(o => filter.Status is null || o.Status == filter.Status)
                .Where(o => filter.Type is null || o.Type == filter.Type)
                .OrderByDescending(o => o.Time).ThenByDescending(o => o.OrderId)
                .Skip((filter.PageIndex - 1) * filter.PageSize)
                .Take(filter.PageSize)
                .Select(o => o.Clone())
                .ToList();
        }
    }

    /// <summary>The account's fills on one symbol in [start, end], oldest first, at most limit of them.</summary>
    public IReadOnlyList<Trade> Trades(Account account, string symbol, long? orderId, long startTimeMs, long endTimeMs, long? fromId, int limit)
    {
        lock (_gate)
        {
            return account.History.Trades
                .Where(t => t.Symbol == symbol && t.Time >= startTimeMs && t.Time <= endTimeMs)
                .Where(t => orderId is null || t.OrderId == orderId)
                .Where(t => fromId is null || t.Id >= fromId)
                .OrderBy(t => t.Time).ThenBy(t => t.Id)
                .Take(limit)
                .ToList();
        }
    }

    /// <summary>ACTIVATE: (re)arms the account's countdown. False while a fired mass cancel still runs.</summary>
    public bool ActivateCancelAfter(Account account, int timeoutSeconds, long nowMs, out long triggerTimeMs)
    {
        lock (_gate)
        {
            var timer = account.History.CancelAfter;
            triggerTimeMs = 0;
            if (nowMs < timer.BusyUntilMs)
            {
                return false;
            }
            timer.Countdown?.Dispose();
            var fireAtMs = nowMs + timeoutSeconds * 1000L;
            timer.TriggerTimeMs = fireAtMs;
            // Real time: the countdown runs even when nobody calls, which is the point of a dead man's switch.
            Timer? countdown = null;
            countdown = new Timer(_ => FireCancelAfter(account, countdown!, fireAtMs), null, timeoutSeconds * 1000L, Timeout.Infinite);
            timer.Countdown = countdown;
            triggerTimeMs = fireAtMs;
            return true;
        }
    }

    /// <summary>CLOSE: stops the countdown (armed or not). False while a fired mass cancel still runs.</summary>
    public bool CloseCancelAfter(Account account, long nowMs)
    {
        lock (_gate)
        {
            var timer = account.History.CancelAfter;
            if (nowMs < timer.BusyUntilMs)
            {
                return false;
            }
            timer.Countdown?.Dispose();
            timer.Countdown = null;
            timer.TriggerTimeMs = null;
            return true;
        }
    }

    /// <summary>Fires the account's countdown now (control API), as if it had run out. False when not armed.</summary>
    public bool FireCancelAfterNow(Account account)
    {
        Timer? countdown;
        long fireAtMs;
        lock (_gate)
        {
            countdown = account.History.CancelAfter.Countdown;
            if (countdown is null || account.History.CancelAfter.TriggerTimeMs is not { } at)
            {
                return false;
            }
            fireAtMs = at;
        }
        FireCancelAfter(account, countdown, fireAtMs);
        return true;
    }

    public void SetMassCancelDuration(Account account, long massCancelMs)
    {
        lock (_gate)
        {
            account.History.CancelAfter.MassCancelMs = massCancelMs;
        }
    }

    /// <summary>A snapshot of the timer for the control API.</summary>
    public (long? TriggerTimeMs, long BusyUntilMs, long MassCancelMs, IReadOnlyList<(long TimeMs, IReadOnlyList<long> Canceled)> Firings) CancelAfterState(Account account)
    {
        lock (_gate)
        {
            var timer = account.History.CancelAfter;
            return (timer.TriggerTimeMs, timer.BusyUntilMs, timer.MassCancelMs, timer.Firings.ToList());
        }
    }

    private void FireCancelAfter(Account account, Timer countdown, long fireAtMs)
    {
        lock (_gate)
        {
            var timer = account.History.CancelAfter;
            // A re-armed or closed countdown is a different (or no) timer: this one no longer counts.
            if (!ReferenceEquals(timer.Countdown, countdown))
            {
                return;
            }
            countdown.Dispose();
            timer.Countdown = null;
            timer.TriggerTimeMs = null;
            var canceled = account.Orders.Where(o => o.IsOpen).ToList();
            foreach (var order in canceled)
            {
                CancelOpenOrder(account, order, fireAtMs);
            }
            timer.BusyUntilMs = fireAtMs + timer.MassCancelMs;
            timer.Firings.Add((fireAtMs, canceled.Select(o => o.OrderId).ToList()));
        }
    }
}

/// <summary>trade/historyOrders filters; PageIndex/PageSize already checked.</summary>
public sealed record HistoryFilter(
    string? Symbol, long? FromOrderId, long? StartTimeMs, long? EndTimeMs, string? Status, string? Type, int PageIndex, int PageSize);
