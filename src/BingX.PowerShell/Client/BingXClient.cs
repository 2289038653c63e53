using System.Text.Json;
using BingX.PowerShell.Client.Reading;
using BingX.PowerShell.Client.Recovery;
using BingX.PowerShell.Client.Retrying;

namespace BingX.PowerShell.Client;

/// <summary>
/// The BingX spot API as typed calls. Knows nothing of PowerShell: the cmdlets are thin wrappers over it.
/// </summary>
internal sealed partial class BingXClient
{
    private readonly BingXTransport _transport;

    public BingXClient(BingXClientOptions options)
    {
        _transport = new BingXTransport(options);
    }

    public BingXClientOptions Options => _transport.Options;

    public ServerClock Clock => _transport.Clock;

    /// <summary>
    /// Cancels every open order on <paramref name="symbol"/>, or on every symbol when it is null. <c>lostAnswer</c> is
    /// told when the first attempt lost its answer: the result then lists only what the retry cancelled.
    /// </summary>
    public async Task<List<BingXOrder>> CancelOpenOrdersAsync(string? symbol, CancellationToken cancellationToken, LostAnswerNote? lostAnswer = null)
    {
        JsonElement data = await SendAsync(BingXEndpoint.CancelOpenOrders, cancellationToken, lostAnswer, symbol == null ? null : Param("symbol", symbol)).ConfigureAwait(false);
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

    /// <summary>
    /// Cancels one order (trade/cancel), named by its order id or, when that is null, its client order id. A retry
    /// after a lost answer that hears "already cancelled" looks the order up: CANCELED is this cancel's doing.
    /// </summary>
    public async Task<BingXOrder> CancelOrderAsync(string symbol, long? orderId, string? clientOrderId, CancellationToken cancellationToken)
    {
        var note = new LostAnswerNote();
        try
        {
            return await SendForOneOrderAsync(BingXEndpoint.CancelOrder, symbol, orderId, clientOrderId, cancellationToken, note).ConfigureAwait(false);
        }
        catch (BingXApiException ex) when (note.LostAnswer != null && BingXErrorClassifier.IsNoSuchOrder(ex))
        {
            BingXOrder? found = await CancelRecovery.FindCancelledAsync(ct => QueryOrderAsync(symbol, orderId, clientOrderId, ct), Options.Log,
                "Order " + (orderId.HasValue ? WireFormat.Int64(orderId.Value) : clientOrderId), cancellationToken).ConfigureAwait(false);
            if (found == null)
            {
                throw;
            }
            return found;
        }
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
        var note = new LostAnswerNote();
        JsonElement data = await SendAsync(BingXEndpoint.CancelOrders, cancellationToken, note,
            Param("symbol", symbol),
            Param("orderIds", byOrderId ? WireFormat.Join(orderIds!) : null),
            Param("clientOrderIDs", byOrderId ? null : string.Join(",", clientOrderIds!)),
            Param("process", "1")).ConfigureAwait(false);
        BingXCancelResult result = Read(BingXEndpoint.CancelOrders, () => ResponseReader.ReadCancelResult(data));
        return note.LostAnswer == null || result.Fails.Count == 0
            ? result
            : await CancelRecovery.ConfirmFailsAsync(result, byOrderId, (id, clientId, ct) => QueryOrderAsync(symbol, id, clientId, ct), Options.Log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One order (trade/query), named by its order id or, when that is null, its client order id.</summary>
    public Task<BingXOrder> QueryOrderAsync(string symbol, long? orderId, string? clientOrderId, CancellationToken cancellationToken) =>
        SendForOneOrderAsync(BingXEndpoint.QueryOrder, symbol, orderId, clientOrderId, cancellationToken);

    /// <summary>trade/cancel and trade/query name one order the same way and answer with it.</summary>
    private async Task<BingXOrder> SendForOneOrderAsync(BingXEndpoint endpoint, string symbol, long? orderId, string? clientOrderId, CancellationToken cancellationToken, LostAnswerNote? note = null)
    {
        RequireOneOf(orderId, clientOrderId);
        JsonElement data = await SendAsync(endpoint, cancellationToken, note,
            Param("symbol", symbol),
            Param("orderId", orderId.HasValue ? WireFormat.Int64(orderId.Value) : null),
            Param("clientOrderID", orderId.HasValue ? null : clientOrderId)).ConfigureAwait(false);
        return Read(endpoint, () => ResponseReader.ReadOrder(data));
    }

    /// <summary>The spot account's balances (account/balance).</summary>
    public async Task<List<BingXBalance>> GetBalancesAsync(CancellationToken cancellationToken)
    {
        JsonElement data = await SendAsync(BingXEndpoint.Balance, cancellationToken).ConfigureAwait(false);
        return Read(BingXEndpoint.Balance, () => ResponseReader.ReadBalances(data));
    }

    /// <summary>
    /// Places an order (trade/order). Never repeated blindly: when the answer is lost, <see cref="PlacementRecovery"/>
    /// looks the order up by its client order id.
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
                BingXOrder placed = ResponseReader.ReadOrder(data);
                // Older answers name no client id at all: the order carries the one this request sent.
                placed.ClientOrderId ??= request.ClientOrderId;
                return placed;
            }
            catch (FormatException ex)
            {
                // The exchange answered "done" with something that is not an order: it was most likely placed.
                lost = ShapeError(endpoint, ex);
                lost.OutcomeUnknown = true;
            }
        }
        catch (BingXException ex) when (PlacementRecovery.IsOutcomeUnknown(ex))
        {
            lost = ex;
        }
        return await PlacementRecovery.RecoverAsync(request, lost, sentAtMs, Options, Clock,
            clientOrderId => QueryOrderAsync(request.Symbol, null, clientOrderId, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static void RequireOneOf(long? orderId, string? clientOrderId)
    {
        if (!orderId.HasValue && string.IsNullOrEmpty(clientOrderId))
        {
            throw new ArgumentException("Give an order id or a client order id.");
        }
    }

    public Task<BingXServerTime> SynchronizeClockAsync(CancellationToken cancellationToken) => _transport.SynchronizeClockAsync(cancellationToken);

    internal Task<JsonElement> SendAsync(BingXEndpoint endpoint, CancellationToken cancellationToken, params KeyValuePair<string, string>?[] parameters) =>
        SendAsync(endpoint, cancellationToken, null, parameters);

    internal Task<JsonElement> SendAsync(BingXEndpoint endpoint, CancellationToken cancellationToken, LostAnswerNote? lostAnswer, params KeyValuePair<string, string>?[] parameters)
    {
        var list = new List<KeyValuePair<string, string>>(parameters.Length);
        foreach (KeyValuePair<string, string>? parameter in parameters)
        {
            if (parameter.HasValue)
            {
                list.Add(parameter.Value);
            }
        }
        return _transport.SendAsync(endpoint, list, cancellationToken, lostAnswer);
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
            throw ShapeError(endpoint, ex);
        }
    }

    private static BingXTransportException ShapeError(BingXEndpoint endpoint, FormatException ex) =>
        new BingXTransportException(BingXErrorIds.InvalidResponse, BingXErrorKind.InvalidResponse,
            $"BingX's answer to {endpoint} does not have the documented shape: {ex.Message}", endpoint.Path, 200, ex);
}
