using System;
using System.Collections.Generic;
using System.Linq;
using BingX.Simulator.Errors;

namespace BingX.Simulator.Exchange;

/// <summary>
/// The exchange's state: accounts, balances and orders, behind one lock. Knows nothing of HTTP; rejects with
/// <see cref="BingXError"/>. Everything it hands out is a copy, safe to read after the lock is released.
/// </summary>
public sealed partial class SpotExchange
{
    public const int OpenOrdersLimit = 2000;
    private const decimal FeeRate = 0.001m;

    private readonly object _gate = new();
    private readonly OrderIdGenerator _orderIds = new();
    private readonly Dictionary<string, Account> _accountsByKey = new(StringComparer.Ordinal);
    private long _lastUid = 10_000_000;

    public SpotExchange(SymbolCatalog symbols)
    {
        Symbols = symbols;
    }

    public SymbolCatalog Symbols { get; }

    public void Reset()
    {
        lock (_gate)
        {
            _accountsByKey.Clear();
            Symbols.ResetPrices();
        }
    }

    // ---- accounts -------------------------------------------------------------------------------------------

    /// <returns>The new account's uid, or null when the key is taken.</returns>
    public long? CreateAccount(
        string apiKey, string secretKey, IReadOnlyDictionary<string, decimal> balances,
        IReadOnlyCollection<string> permissions, IReadOnlyCollection<string> ipWhitelist)
    {
        lock (_gate)
        {
            if (_accountsByKey.ContainsKey(apiKey))
            {
                return null;
            }
            _lastUid += Random.Shared.Next(1, 5000);
            var account = new Account
            {
                ApiKey = apiKey,
                SecretKey = secretKey,
                Uid = _lastUid,
                Permissions = permissions,
                IpWhitelist = ipWhitelist,
            };
            foreach (var (asset, amount) in balances)
            {
                account.BalanceOf(asset).Free = amount;
            }
            _accountsByKey[apiKey] = account;
            return account.Uid;
        }
    }

    /// <summary>The immutable part of an account (key, secret, uid, permissions, whitelist).</summary>
    public Account? FindAccount(string apiKey)
    {
        lock (_gate)
        {
            return _accountsByKey.GetValueOrDefault(apiKey);
        }
    }

    public bool SetBalances(string apiKey, IReadOnlyDictionary<string, decimal> balances)
    {
        lock (_gate)
        {
            if (!_accountsByKey.TryGetValue(apiKey, out var account))
            {
                return false;
            }
            foreach (var (asset, amount) in balances)
            {
                account.BalanceOf(asset).Free = amount;
            }
            return true;
        }
    }

    public IReadOnlyList<(string Asset, decimal Free, decimal Locked)> BalancesOf(Account account)
    {
        lock (_gate)
        {
            return account.Balances.Select(b => (b.Key, b.Value.Free, b.Value.Locked)).ToList();
        }
    }

    public IReadOnlyList<Order> AllOrdersOf(Account account)
    {
        lock (_gate)
        {
            return account.Orders.Select(Copy).ToList();
        }
    }

    // ---- trading --------------------------------------------------------------------------------------------

    public Order PlaceOrder(Account account, OrderRequest request, long nowMs)
    {
        var info = Symbols.Find(request.Symbol) ?? throw new BingXError(ErrorCatalogue.NoSuchSymbol, ErrorCatalogue.NoSuchSymbolMsg);
        if (!info.Trading)
        {
            throw new BingXError(ErrorCatalogue.SymbolOffline, ErrorCatalogue.SymbolOfflineMsg);
        }
        if (request.Side == OrderSide.Buy ? !info.ApiStateBuy : !info.ApiStateSell)
        {
            throw new BingXError(ErrorCatalogue.TimestampMismatch, ErrorCatalogue.NotTradableByApiMsg);
        }

        lock (_gate)
        {
            if (request.ClientOrderId is { } clientId && account.Orders.Any(o => o.IsOpen && o.ClientOrderId == clientId))
            {
                throw ErrorCatalogue.Invalid($"newClientOrderId: an open order with clientOrderID {clientId} already exists");
            }

            var marketPrice = Symbols.PriceOf(info.Symbol);
            var pricing = OrderPricing.Resolve(info, request, marketPrice);

            var order = new Order
            {
                OrderId = _orderIds.Next(),
                Symbol = info.Symbol,
                Side = request.Side,
                Type = request.Type,
                TimeInForce = request.TimeInForce,
                ClientOrderId = request.ClientOrderId ?? "",
                Time = nowMs,
                UpdateTime = nowMs,
                Price = pricing.Price ?? 0m,
                StopPrice = pricing.StopPrice ?? 0m,
                OrigQty = pricing.Quantity,
                OrigQuoteOrderQty = request.QuoteOrderQty ?? 0m,
                // Every resting order reads PENDING on the live exchange (docs-v3 examples, ccxt PRs #18773, #20654).
                Status = OrderStatus.Pending,
            };

            if (request.Type == OrderType.Market)
            {
                FillMarketNow(account, info, order, marketPrice, nowMs);
            }
            else
            {
                var (asset, amount) = request.Side == OrderSide.Buy
                    ? (info.QuoteAsset, pricing.QuoteReserved)
                    : (info.BaseAsset, pricing.Quantity);
                var balance = account.BalanceOf(asset);
                if (balance.Free < amount)
                {
                    throw new BingXError(ErrorCatalogue.InsufficientBalance, ErrorCatalogue.InsufficientBalanceMsg);
                }
                balance.Free -= amount;
                balance.Locked += amount;
                order.LockedAsset = asset;
                order.LockedAmount = amount;
            }

            account.Orders.Add(order);
            return Copy(order);
        }
    }

    public Order Cancel(Account account, string symbol, long? orderId, string? clientOrderId, string? restriction, long nowMs)
    {
        lock (_gate)
        {
            var order = FindOrder(account, symbol, orderId, clientOrderId, preferOpen: true)
                ?? throw new BingXError(ErrorCatalogue.TimestampMismatch, ErrorCatalogue.CancelNotFoundMsg);
            EnsureCancelable(order);
            if (restriction is not null && order.Status != restriction)
            {
                throw ErrorCatalogue.Invalid(
                    $"cancelRestrictions: the order status is {order.Status}, only {restriction} orders may be cancelled");
            }
            CancelOpenOrder(account, order, nowMs);
            return Copy(order);
        }
    }

    /// <summary>Batch cancel. allOrNothing = process 0: the first failure rejects the whole batch.</summary>
    public (IReadOnlyList<Order> Canceled, IReadOnlyList<(string Id, int Code, string Error)> Fails) CancelMany(
        Account account, string symbol, IReadOnlyList<string> ids, bool byClientOrderId, bool allOrNothing, long nowMs)
    {
        lock (_gate)
        {
            var targets = new List<Order>();
            var fails = new List<(string, int, string)>();
            var seen = new HashSet<Order>();
            foreach (var id in ids)
            {
                var order = byClientOrderId
                    ? FindOrder(account, symbol, null, id, preferOpen: true)
                    : FindOrder(account, symbol, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), null, preferOpen: true);
                BingXError? error = order is null
                    ? new BingXError(ErrorCatalogue.TimestampMismatch, ErrorCatalogue.CancelNotFoundMsg)
                    : !order.IsOpen || seen.Contains(order)
                        ? new BingXError(ErrorCatalogue.InvalidParameter, ErrorCatalogue.AlreadyFinalMsg)
                        : null;
                if (error is not null)
                {
                    if (allOrNothing)
                    {
                        throw error;
                    }
                    // fails[] words an unknown id its own way (BingX.Net issue #25); the code is the simulator's choice.
                    fails.Add(order is null
                        ? (id, ErrorCatalogue.OrderNotFound, ErrorCatalogue.BatchNotFoundMsg(id, symbol))
                        : (id, error.Code, error.Message));
                    continue;
                }
                seen.Add(order!);
                targets.Add(order!);
            }
            foreach (var order in targets)
            {
                CancelOpenOrder(account, order, nowMs);
            }
            return (targets.Select(Copy).ToList(), fails);
        }
    }

    /// <summary>Cancels every open order of the account, on one symbol or (symbol null) on all.</summary>
    public IReadOnlyList<Order> CancelOpen(Account account, string? symbol, long nowMs)
    {
        lock (_gate)
        {
            var open = account.Orders.Where(o => o.IsOpen && (symbol is null || o.Symbol == symbol)).ToList();
            foreach (var order in open)
            {
                CancelOpenOrder(account, order, nowMs);
            }
            return open.Select(Copy).ToList();
        }
    }

    public IReadOnlyList<Order> OpenOrders(Account account, string? symbol)
    {
        lock (_gate)
        {
            return account.Orders
                .Where(o => o.IsOpen && (symbol is null || o.Symbol == symbol))
                .Take(OpenOrdersLimit)
                .Select(Copy)
                .ToList();
        }
    }

    public Order Query(Account account, string symbol, long? orderId, string? clientOrderId)
    {
        lock (_gate)
        {
            var order = FindOrder(account, symbol, orderId, clientOrderId, preferOpen: false)
                ?? throw new BingXError(ErrorCatalogue.OrderNotFound, ErrorCatalogue.OrderNotFoundMsg);
            return Copy(order);
        }
    }

    // ---- control --------------------------------------------------------------------------------------------

    /// <summary>Seeds orders as if placed earlier. Open ones lock funds granted on top of the balance.</summary>
    public IReadOnlyList<Order> SeedOrders(Account account, OrderSeed seed, long nowMs)
    {
        var info = Symbols.Find(seed.Symbol) ?? throw new ArgumentException($"unknown symbol '{seed.Symbol}'");
        lock (_gate)
        {
            var created = new List<Order>();
            for (var i = 1; i <= seed.Count; i++)
            {
                var clientId = seed.ClientOrderId is null ? "" : seed.Count == 1 ? seed.ClientOrderId : $"{seed.ClientOrderId}_{i}";
                if (OrderStatus.IsOpen(seed.Status) && clientId.Length > 0
                    && account.Orders.Any(o => o.IsOpen && o.ClientOrderId == clientId))
                {
                    throw new ArgumentException($"an open order with clientOrderId '{clientId}' already exists");
                }
                var executed = seed.Status switch
                {
                    OrderStatus.Filled => seed.Quantity,
                    OrderStatus.PartiallyFilled => seed.ExecutedQty ?? DecimalText.FloorToStep(seed.Quantity / 2, info.StepSize),
                    _ => 0m,
                };
                var fillPrice = seed.Price ?? Symbols.PriceOf(info.Symbol);
                var order = new Order
                {
                    OrderId = _orderIds.Next(),
                    Symbol = info.Symbol,
                    Side = seed.Side,
                    Type = seed.Type,
                    TimeInForce = "GTC",
                    ClientOrderId = clientId,
                    Time = nowMs,
                    UpdateTime = nowMs,
                    Price = seed.Price ?? 0m,
                    StopPrice = seed.StopPrice ?? 0m,
                    OrigQty = seed.Quantity,
                    Status = seed.Status,
                    ExecutedQty = executed,
                    CummulativeQuoteQty = DecimalText.Normalize(executed * fillPrice),
                };
                if (order.IsOpen)
                {
                    var rest = order.OrigQty - order.ExecutedQty;
                    var (asset, amount) = seed.Side == OrderSide.Buy
                        ? (info.QuoteAsset, DecimalText.Normalize(rest * (seed.Price ?? seed.StopPrice ?? fillPrice)))
                        : (info.BaseAsset, rest);
                    account.BalanceOf(asset).Locked += amount;
                    order.LockedAsset = asset;
                    order.LockedAmount = amount;
                }
                account.Orders.Add(order);
                created.Add(Copy(order));
            }
            return created;
        }
    }

    /// <summary>Fills an open order (all of its rest, or quantity of it) at its price, or the market price.</summary>
    /// <returns>The filled order, or null when no open order has that id.</returns>
    public Order? Fill(long orderId, decimal? quantity, long nowMs)
    {
        lock (_gate)
        {
            foreach (var account in _accountsByKey.Values)
            {
                var order = account.Orders.FirstOrDefault(o => o.OrderId == orderId);
                if (order is null)
                {
                    continue;
                }
                if (!order.IsOpen)
                {
                    throw new InvalidOperationException($"order {orderId} is {order.Status}, not open");
                }
                var rest = order.OrigQty - order.ExecutedQty;
                var qty = quantity ?? rest;
                if (qty <= 0 || qty > rest)
                {
                    throw new ArgumentException($"quantity must be more than 0 and at most the open rest {DecimalText.Format(rest)}");
                }
                var info = Symbols.Find(order.Symbol)!;
                var price = order.Price > 0 ? order.Price : Symbols.PriceOf(order.Symbol);
                Settle(account, info, order, qty, price, fromLock: true);
                order.Status = order.ExecutedQty == order.OrigQty ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
                order.UpdateTime = nowMs;
                RecordTrade(account, info, order, qty, price, isMaker: true, nowMs);
                return Copy(order);
            }
            return null;
        }
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private static Order? FindOrder(Account account, string symbol, long? orderId, string? clientOrderId, bool preferOpen)
    {
        if (orderId is { } id)
        {
            return account.Orders.FirstOrDefault(o => o.OrderId == id && o.Symbol == symbol);
        }
        // A client id is unique among open orders only: prefer the open one, else the latest.
        var matches = account.Orders.Where(o => o.ClientOrderId == clientOrderId && o.Symbol == symbol).ToList();
        return (preferOpen ? matches.LastOrDefault(o => o.IsOpen) : null) ?? matches.LastOrDefault();
    }

    private static void EnsureCancelable(Order order)
    {
        if (!order.IsOpen)
        {
            throw new BingXError(ErrorCatalogue.InvalidParameter, ErrorCatalogue.AlreadyFinalMsg);
        }
    }

    private static void CancelOpenOrder(Account account, Order order, long nowMs)
    {
        if (order.LockedAmount > 0)
        {
            var balance = account.BalanceOf(order.LockedAsset);
            balance.Locked -= order.LockedAmount;
            balance.Free += order.LockedAmount;
            order.LockedAmount = 0;
        }
        order.Status = OrderStatus.Canceled;
        order.UpdateTime = nowMs;
    }

    private void FillMarketNow(Account account, SymbolInfo info, Order order, decimal marketPrice, long nowMs)
    {
        var cost = DecimalText.Normalize(order.OrigQty * marketPrice);
        var (asset, needed) = order.Side == OrderSide.Buy ? (info.QuoteAsset, cost) : (info.BaseAsset, order.OrigQty);
        if (account.BalanceOf(asset).Free < needed)
        {
            throw new BingXError(ErrorCatalogue.InsufficientBalance, ErrorCatalogue.InsufficientBalanceMsg);
        }
        order.Price = marketPrice;
        Settle(account, info, order, order.OrigQty, marketPrice, fromLock: false);
        order.Status = OrderStatus.Filled;
        order.UpdateTime = nowMs;
        RecordTrade(account, info, order, order.OrigQty, marketPrice, isMaker: false, nowMs);
    }

    /// <summary>Moves the funds of a fill: pays from the order's lock (or from free funds for MARKET), fee from the proceeds.</summary>
    private static void Settle(Account account, SymbolInfo info, Order order, decimal qty, decimal price, bool fromLock)
    {
        var cost = DecimalText.Normalize(qty * price);
        var completes = order.ExecutedQty + qty == order.OrigQty;
        var (payAsset, pay, getAsset, get) = order.Side == OrderSide.Buy
            ? (info.QuoteAsset, cost, info.BaseAsset, qty)
            : (info.BaseAsset, qty, info.QuoteAsset, cost);

        var payBalance = account.BalanceOf(payAsset);
        if (fromLock)
        {
            // A completed order gives back whatever its lock held beyond the cost (trigger-market BUYs lock an estimate).
            var release = completes ? order.LockedAmount : Math.Min(pay, order.LockedAmount);
            payBalance.Locked -= release;
            payBalance.Free += release - pay;
            order.LockedAmount -= release;
        }
        else
        {
            payBalance.Free -= pay;
        }

        var fee = DecimalText.Normalize(get * FeeRate);
        account.BalanceOf(getAsset).Free += get - fee;
        order.Fee = DecimalText.Normalize(order.Fee - fee);
        order.FeeAsset = getAsset;
        order.ExecutedQty = DecimalText.Normalize(order.ExecutedQty + qty);
        order.CummulativeQuoteQty = DecimalText.Normalize(order.CummulativeQuoteQty + cost);
    }

    private static Order Copy(Order order) => order.Clone();
}
