using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using BingX.PowerShell.Client.Reading;

namespace BingX.PowerShell.Client
{
    /// <summary>
    /// The BingX spot API as typed calls. Knows nothing of PowerShell: the cmdlets are thin wrappers over it.
    /// </summary>
    internal sealed class BingXClient
    {
        private readonly BingXTransport _transport;

        public BingXClient(BingXClientOptions options)
        {
            _transport = new BingXTransport(options);
        }

        public BingXClientOptions Options => _transport.Options;

        public ServerClock Clock => _transport.Clock;

        /// <summary>Cancels every open order on <paramref name="symbol"/>, or on every symbol when it is null.</summary>
        public async Task<List<BingXOrder>> CancelOpenOrdersAsync(string? symbol, CancellationToken cancellationToken)
        {
            JsonElement data = await SendAsync(BingXEndpoint.CancelOpenOrders, cancellationToken, symbol == null ? null : Param("symbol", symbol)).ConfigureAwait(false);
            return Read(BingXEndpoint.CancelOpenOrders, () => ResponseReader.ReadOrderList(data));
        }

        /// <summary>The open orders on <paramref name="symbol"/>, or on every symbol when it is null.</summary>
        public async Task<List<BingXOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken)
        {
            JsonElement data = await SendAsync(BingXEndpoint.OpenOrders, cancellationToken, symbol == null ? null : Param("symbol", symbol)).ConfigureAwait(false);
            return Read(BingXEndpoint.OpenOrders, () => ResponseReader.ReadOrderList(data));
        }

        /// <summary>The spot symbols and their trading rules (public).</summary>
        public async Task<List<BingXSymbol>> GetSymbolsAsync(string? symbol, CancellationToken cancellationToken)
        {
            JsonElement data = await SendAsync(BingXEndpoint.Symbols, cancellationToken, symbol == null ? null : Param("symbol", symbol)).ConfigureAwait(false);
            return Read(BingXEndpoint.Symbols, () => ResponseReader.ReadSymbols(data));
        }

        /// <summary>Cancels one order (trade/cancel), named by its order id or, when that is null, its client order id.</summary>
        public async Task<BingXOrder> CancelOrderAsync(string symbol, long? orderId, string? clientOrderId, CancellationToken cancellationToken)
        {
            RequireOneOf(orderId, clientOrderId);
            JsonElement data = await SendAsync(BingXEndpoint.CancelOrder, cancellationToken,
                Param("symbol", symbol),
                Param("orderId", orderId.HasValue ? WireFormat.Int64(orderId.Value) : null),
                Param("clientOrderID", orderId.HasValue ? null : clientOrderId)).ConfigureAwait(false);
            return Read(BingXEndpoint.CancelOrder, () => ResponseReader.ReadOrder(data));
        }

        /// <summary>
        /// Cancels several orders of one symbol in one request (trade/cancelOrders), by order ids or by client order
        /// ids. process=1: the exchange cancels the valid ones and lists the others in <c>fails</c>.
        /// </summary>
        public async Task<BingXCancelResult> CancelOrdersAsync(string symbol, IReadOnlyCollection<long>? orderIds, IReadOnlyCollection<string>? clientOrderIds, CancellationToken cancellationToken)
        {
            bool byOrderId = orderIds != null && orderIds.Count > 0;
            if (byOrderId == (clientOrderIds != null && clientOrderIds.Count > 0))
            {
                throw new ArgumentException("Give either order ids or client order ids.");
            }
            JsonElement data = await SendAsync(BingXEndpoint.CancelOrders, cancellationToken,
                Param("symbol", symbol),
                Param("orderIds", byOrderId ? WireFormat.Join(orderIds!) : null),
                Param("clientOrderIDs", byOrderId ? null : string.Join(",", clientOrderIds!)),
                Param("process", "1")).ConfigureAwait(false);
            return Read(BingXEndpoint.CancelOrders, () => ResponseReader.ReadCancelResult(data));
        }

        /// <summary>One order (trade/query), named by its order id or, when that is null, its client order id.</summary>
        public async Task<BingXOrder> QueryOrderAsync(string symbol, long? orderId, string? clientOrderId, CancellationToken cancellationToken)
        {
            RequireOneOf(orderId, clientOrderId);
            JsonElement data = await SendAsync(BingXEndpoint.QueryOrder, cancellationToken,
                Param("symbol", symbol),
                Param("orderId", orderId.HasValue ? WireFormat.Int64(orderId.Value) : null),
                Param("clientOrderID", orderId.HasValue ? null : clientOrderId)).ConfigureAwait(false);
            return Read(BingXEndpoint.QueryOrder, () => ResponseReader.ReadOrder(data));
        }

        /// <summary>The spot account's balances (account/balance).</summary>
        public async Task<List<BingXBalance>> GetBalancesAsync(CancellationToken cancellationToken)
        {
            JsonElement data = await SendAsync(BingXEndpoint.Balance, cancellationToken).ConfigureAwait(false);
            return Read(BingXEndpoint.Balance, () => ResponseReader.ReadBalances(data));
        }

        /// <summary>
        /// Places an order (trade/order). Never repeated blindly: when the answer is lost (timeout, dropped
        /// connection, 5xx, unreadable body, "system busy"), the order is looked up by its client order id. Found:
        /// it is returned, with a warning. Still not there once the request is past its receive window:
        /// <see cref="BingXOrderPlacementException"/> with Placed = false.
        /// The look-up failing too: the same exception with Placed = null, naming the client order id to check.
        /// </summary>
        public async Task<BingXOrder> PlaceOrderAsync(BingXOrderRequest request, CancellationToken cancellationToken)
        {
            BingXEndpoint endpoint = BingXEndpoint.PlaceOrder;
            long sentAtMs = Clock.NowMs;
            BingXException lost;
            try
            {
                JsonElement data = await SendAsync(endpoint, cancellationToken,
                    Param("symbol", request.Symbol),
                    Param("side", request.Side.ToString()),
                    Param("type", request.Type.ToString()),
                    Param("quantity", request.Quantity.HasValue ? WireFormat.Decimal(request.Quantity.Value) : null),
                    Param("quoteOrderQty", request.QuoteOrderQty.HasValue ? WireFormat.Decimal(request.QuoteOrderQty.Value) : null),
                    Param("price", request.Price.HasValue ? WireFormat.Decimal(request.Price.Value) : null),
                    Param("stopPrice", request.StopPrice.HasValue ? WireFormat.Decimal(request.StopPrice.Value) : null),
                    Param("timeInForce", request.TimeInForce),
                    Param("newClientOrderId", request.ClientOrderId)).ConfigureAwait(false);
                try
                {
                    return ResponseReader.ReadOrder(data);
                }
                catch (FormatException ex)
                {
                    // The exchange answered "done" with something that is not an order: it was most likely placed.
                    lost = new BingXTransportException(BingXErrorIds.InvalidResponse, BingXErrorKind.InvalidResponse,
                        $"BingX's answer to {endpoint} does not have the documented shape: {ex.Message}", endpoint.Path, 200, ex)
                    { OutcomeUnknown = true };
                }
            }
            catch (BingXException ex) when (IsOutcomeUnknown(ex))
            {
                lost = ex;
            }
            return await RecoverPlacedOrderAsync(request, lost, sentAtMs, cancellationToken).ConfigureAwait(false);
        }

        // The first look-up comes soon after the lost answer (most losses happen after the exchange acted).
        private static readonly TimeSpan FirstLookupDelay = TimeSpan.FromMilliseconds(500);

        // The last look-up waits until the request is past its receive window (plus this margin): from then on the
        // exchange refuses it, so an order that is not there by then will not appear later.
        private static readonly TimeSpan PastReceiveWindowMargin = TimeSpan.FromSeconds(1);

        private const int ExchangeDefaultRecvWindowMs = 5000;

        // A client order id is unique among open orders only; an order with the same id from well before this
        // request is an earlier one, not this one.
        private const long SameOrderWindowMs = 60_000;

        private async Task<BingXOrder> RecoverPlacedOrderAsync(BingXOrderRequest request, BingXException lost, long sentAtMs, CancellationToken cancellationToken)
        {
            string id = request.ClientOrderId;
            string path = BingXEndpoint.PlaceOrder.Path;
            string checkHint = $"check with Get-BingXOrder -Symbol {request.Symbol} -ClientOrderId {id} before placing it again.";
            int recvWindowMs = Options.RecvWindow ?? ExchangeDefaultRecvWindowMs;
            // The last attempt was stamped no later than it failed; a timed-out attempt, a whole timeout earlier
            // (its timeout starts right after the stamp).
            long stampedByMs = Clock.NowMs - (lost.Kind == BingXErrorKind.Timeout ? (long)Options.Timeout.TotalMilliseconds : 0);
            long refusedAfterMs = stampedByMs + recvWindowMs + (long)PastReceiveWindowMargin.TotalMilliseconds;
            Options.Log.Verbose($"{BingXEndpoint.PlaceOrder}: the answer was lost ({lost.ErrorId}); looking the order up by its client order id {id}.");

            TimeSpan delay = FirstLookupDelay;
            while (true)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                bool lastLookup = Clock.NowMs >= refusedAfterMs;
                BingXOrder found;
                try
                {
                    found = await QueryOrderAsync(request.Symbol, null, id, cancellationToken).ConfigureAwait(false);
                }
                catch (BingXApiException ex) when (IsNoSuchOrder(ex))
                {
                    if (!lastLookup)
                    {
                        delay = TimeSpan.FromMilliseconds(Math.Max(refusedAfterMs - Clock.NowMs, 0));
                        Options.Log.Verbose($"No order '{id}' yet; looking again in {delay.TotalSeconds:0.0} s, once the request is past its receive window ({recvWindowMs} ms).");
                        continue;
                    }
                    throw new BingXOrderPlacementException(BingXErrorIds.OrderNotPlaced, lost.Kind,
                        $"The order was not placed: BingX has no order with client order id '{id}' on {request.Symbol}, looked up after the request's receive window ({recvWindowMs} ms) had passed, after which BingX refuses it. Placing it again is safe. The request failed with: {lost.Message}",
                        id, false, path, lost);
                }
                catch (BingXException ex)
                {
                    throw new BingXOrderPlacementException(BingXErrorIds.OrderOutcomeUnknown, lost.Kind,
                        $"The order may or may not have been placed: the request failed ({lost.Message}) and looking it up by its client order id '{id}' failed too ({ex.Message}). Do not repeat it blindly: {checkHint}",
                        id, null, path, lost);
                }

                if (found.Side != request.Side || found.Type != request.Type
                    || (found.Time.HasValue && found.Time.Value.ToUnixTimeMilliseconds() < sentAtMs - SameOrderWindowMs))
                {
                    throw new BingXOrderPlacementException(BingXErrorIds.OrderOutcomeUnknown, lost.Kind,
                        $"The order may or may not have been placed: the request failed ({lost.Message}) and the order BingX holds under client order id '{id}' ({found.OrderId}, {found.Side} {found.Type}) is an earlier one. Do not repeat it blindly: {checkHint}",
                        id, null, path, lost);
                }
                Options.Log.Warning($"The answer to placing order '{id}' on {request.Symbol} was lost ({lost.ErrorId}); the order was found by its client order id and is written as BingX reports it now.");
                return found;
            }
        }

        /// <summary>A lost answer, or an exchange code that says the write may or may not have happened.</summary>
        private static bool IsOutcomeUnknown(BingXException ex) =>
            ex.OutcomeUnknown || (ex is BingXApiException api && (api.Code == 100500 || api.Code == 100503 || api.Code == 80012));

        private static bool IsNoSuchOrder(BingXApiException ex) =>
            ex.Kind == BingXErrorKind.NotFound || ex.ApiMessage.IndexOf("not exist", StringComparison.OrdinalIgnoreCase) >= 0;

        private static void RequireOneOf(long? orderId, string? clientOrderId)
        {
            if (!orderId.HasValue && string.IsNullOrEmpty(clientOrderId))
            {
                throw new ArgumentException("Give an order id or a client order id.");
            }
        }

        public Task<BingXServerTime> SynchronizeClockAsync(CancellationToken cancellationToken) => _transport.SynchronizeClockAsync(cancellationToken);

        internal Task<JsonElement> SendAsync(BingXEndpoint endpoint, CancellationToken cancellationToken, params KeyValuePair<string, string>?[] parameters)
        {
            var list = new List<KeyValuePair<string, string>>(parameters.Length);
            foreach (KeyValuePair<string, string>? parameter in parameters)
            {
                if (parameter.HasValue)
                {
                    list.Add(parameter.Value);
                }
            }
            return _transport.SendAsync(endpoint, list, cancellationToken);
        }

        internal static KeyValuePair<string, string>? Param(string name, string? value) =>
            value == null ? (KeyValuePair<string, string>?)null : new KeyValuePair<string, string>(name, value);

        /// <summary>A body that parsed as JSON but not as the documented shape is an invalid response, not a crash.</summary>
        internal static T Read<T>(BingXEndpoint endpoint, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (FormatException ex)
            {
                throw new BingXTransportException(BingXErrorIds.InvalidResponse, BingXErrorKind.InvalidResponse,
                    $"BingX's answer to {endpoint} does not have the documented shape: {ex.Message}", endpoint.Path, 200, ex);
            }
        }
    }
}
