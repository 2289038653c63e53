using System.Management.Automation;
using BingX.PowerShell.Client;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Cancels given orders by order id or client order id. Ids piped in are gathered per symbol and sent at the end:
/// one id as trade/cancel, several as trade/cancelOrders batches with process=1 (the valid ones are cancelled,
/// each refused id becomes its own non-terminating error). Every symbol is confirmed before the first request, so a
/// prompt (or a host that cannot show one) never comes between two cancels; the cancelled orders are written.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "BingXOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BingXOrder))]
public sealed class StopBingXOrderCommand : BingXOneSymbolCmdlet
{
    /// <summary>
    /// Ids per trade/cancelOrders request. The spot page documents no maximum for orderIds/clientOrderIDs, and
    /// ccxt (bingx.cancelOrders), BingX.Net (CancelOrdersAsync) and gocryptotrader all send the whole list in one
    /// request; the swap twin (DELETE swap/v2/trade/batchOrders) caps its lists at 10 and spot batchOrders
    /// (placing) at 5. 100 keeps a request's query under ~4.2 KB even with 40-character client ids (well inside
    /// common 8 KB URL limits) and a 2,000-order book (the openOrders maximum) at 20 requests, 10 s at 2/s.
    /// </summary>
    internal const int BatchSize = 100;

    private const int IdsNamedInTarget = 10;
    private const string OrderIdKind = "order";
    private const string ClientOrderIdKind = "client order id";

    // Symbol -> what to cancel on it, in the order first seen.
    private readonly Dictionary<string, PendingCancels> _pending = new Dictionary<string, PendingCancels>(StringComparer.Ordinal);
    private readonly List<string> _symbols = new List<string>();
    private bool _orderIdFromCommandLine;
    private bool _clientOrderIdFromCommandLine;

    /// <summary>The exchange's order ids.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [BingXOrderIdTransformation]
    [ValidateRange(1L, long.MaxValue)]
    public long[]? OrderId { get; set; }

    /// <summary>The client order ids the orders were placed with. Piped orders that carry an order id are cancelled by it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    [ValidateBingXClientOrderId(AllowMissing = true)]
    public string[]? ClientOrderId { get; set; }

    /// <summary>Kept so that existing scripts still run: the cancelled orders are always written, as Stop-BingXOpenOrder does.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Do not ask for confirmation (-WhatIf still only shows what would be cancelled).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing()
    {
        // Bad input is refused before the vault is read or anything is sent.
        _orderIdFromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(OrderId));
        _clientOrderIdFromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(ClientOrderId));
        if (_clientOrderIdFromCommandLine && (ClientOrderId == null || ClientOrderId.Length == 0 || ClientOrderId.Any(string.IsNullOrEmpty)))
        {
            ThrowInvalid("-ClientOrderId is empty or holds an empty id. Give client order ids of 1 to 40 letters, digits or underscores. Nothing was sent.", ClientOrderId);
        }
        if (!_orderIdFromCommandLine && !_clientOrderIdFromCommandLine && !MyInvocation.ExpectingInput)
        {
            ThrowInvalid("Stop-BingXOrder needs the orders to cancel: -OrderId <id[]> or -ClientOrderId <id[]> (or orders piped in, e.g. from Get-BingXOpenOrder). To cancel everything on a symbol use Stop-BingXOpenOrder. Nothing was sent.", null);
        }
        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        bool haveOrderIds = OrderId != null && OrderId.Length > 0;
        // A piped order names itself twice (OrderId and ClientOrderId): the order id is enough. Both given on the
        // command line mean different orders.
        bool useClientIds = !haveOrderIds || (_orderIdFromCommandLine && _clientOrderIdFromCommandLine);
        string[] clientIds = useClientIds ? (ClientOrderId ?? Array.Empty<string>()).Where(id => !string.IsNullOrEmpty(id)).ToArray() : Array.Empty<string>();
        if (!haveOrderIds && clientIds.Length == 0)
        {
            WriteError(Invalid($"An input for {Symbol} has no order id or client order id; it was skipped.", Symbol));
            return;
        }

        if (!_pending.TryGetValue(Symbol, out PendingCancels? pending))
        {
            pending = new PendingCancels();
            _pending.Add(Symbol, pending);
            _symbols.Add(Symbol);
        }
        foreach (long id in haveOrderIds ? OrderId! : Array.Empty<long>())
        {
            if (!pending.OrderIds.Add(id))
            {
                WriteVerbose($"{Symbol}: order {id} is already queued for cancelling.");
            }
        }
        foreach (string id in clientIds)
        {
            if (!pending.ClientOrderIds.Add(id))
            {
                WriteVerbose($"{Symbol}: client order id '{id}' is already queued for cancelling.");
            }
        }
    }

    protected override void EndProcessing()
    {
        // All confirmations first: a prompt, or a host that cannot show one, comes before anything is sent.
        var confirmed = new List<string>();
        foreach (string symbol in _symbols)
        {
            if (ConfirmSymbol(symbol, _pending[symbol]))
            {
                confirmed.Add(symbol);
            }
        }
        foreach (string symbol in confirmed)
        {
            PendingCancels pending = _pending[symbol];
            Cancel(symbol, pending.OrderIds.Items, id => id.ToString(CultureInfo.InvariantCulture),
                (ids, ct) => Client.CancelOrderAsync(symbol, ids[0], null, ct),
                (ids, ct) => Client.CancelOrdersAsync(symbol, ids, null, ct),
                OrderIdKind);
            Cancel(symbol, pending.ClientOrderIds.Items, id => id,
                (ids, ct) => Client.CancelOrderAsync(symbol, null, ids[0], ct),
                (ids, ct) => Client.CancelOrdersAsync(symbol, null, ids, ct),
                ClientOrderIdKind);
        }
    }

    private void Cancel<T>(string symbol, IReadOnlyList<T> ids, Func<T, string> text,
        Func<IReadOnlyList<T>, CancellationToken, Task<BingXOrder>> cancelOne,
        Func<IReadOnlyList<T>, CancellationToken, Task<BingXCancelResult>> cancelMany,
        string idKind)
    {
        foreach (IReadOnlyList<T> batch in Split(ids))
        {
            try
            {
                if (batch.Count == 1)
                {
                    BingXOrder order = Run(ct => cancelOne(batch, ct));
                    WriteObject(order);
                    continue;
                }
                BingXCancelResult result = Run(ct => cancelMany(batch, ct));
                foreach (BingXOrder order in result.Orders)
                {
                    WriteObject(order);
                }
                foreach (BingXCancelFailure fail in result.Fails)
                {
                    WriteNotCancelled(symbol, fail.Id, idKind, fail.Reason, null);
                }
                int answered = result.Orders.Count + result.Fails.Count;
                WriteVerbose($"{symbol}: {result.Orders.Count} of {batch.Count} order(s) cancelled, {result.Fails.Count} refused.");
                if (answered < batch.Count)
                {
                    WriteWarning($"{symbol}: BingX reported on {answered} of the {batch.Count} orders sent; check the others with Get-BingXOrder.");
                }
            }
            catch (BingXException ex) when (!IsFatal(ex))
            {
                // The request as a whole was refused for a reason about its orders: each id gets its own error.
                string reason = ex is BingXApiException api ? $"{api.ApiMessage} (code {api.Code})" : ex.Message;
                foreach (T id in batch)
                {
                    WriteNotCancelled(symbol, text(id), idKind, reason, ex);
                }
            }
            catch (Exception ex) when (!IsPipelineControl(ex))
            {
                ReportForSymbol(ex, symbol, "nothing was cancelled on it");
            }
        }
    }

    /// <summary>
    /// One confirmation per symbol, naming each order (side, quantity, price, client id) the way
    /// Stop-BingXOpenOrder does. The open orders are read for it only when someone will see the text (-WhatIf or
    /// a prompt); an unattended -Force run sends just the cancels.
    /// </summary>
    private bool ConfirmSymbol(string symbol, PendingCancels pending)
    {
        int count = pending.OrderIds.Items.Count + pending.ClientOrderIds.Items.Count;
        if (ConfirmationGate.SkipsPrompt(this, Force))
        {
            return true;
        }
        string header = count == 1 ? $"Cancel 1 order on {symbol}" : $"Cancel {count} orders on {symbol}";
        if (!ConfirmationGate.WhatIfRequested(this) && !ConfirmationGate.PromptWillShow(this, ConfirmImpact.High))
        {
            return ConfirmationGate.ShouldProcessOrRefuse(this, header, header + "?", "Stop-BingXOrder");
        }
        List<string> lines;
        try
        {
            lines = DescribeOrders(symbol, pending, Run(ct => Client.GetOpenOrdersAsync(symbol, ct)));
        }
        catch (BingXException ex) when (!IsFatal(ex))
        {
            WriteVerbose($"{symbol}: could not read the open orders to describe them ({ex.ErrorId}); listing the ids only.");
            lines = DescribeOrders(symbol, pending, new List<BingXOrder>());
        }
        catch (BingXException ex)
        {
            ReportForSymbol(ex, symbol, "nothing was cancelled on it");
            return false;
        }
        string description = header + ConfirmationGate.Listing(lines, int.MaxValue);
        string warning = header + "?" + ConfirmationGate.Listing(lines, IdsNamedInTarget);
        return ConfirmationGate.ShouldProcessOrRefuse(this, description, warning, "Stop-BingXOrder");
    }

    private static List<string> DescribeOrders(string symbol, PendingCancels pending, List<BingXOrder> open)
    {
        var lines = new List<string>();
        foreach (long id in pending.OrderIds.Items)
        {
            BingXOrder? order = open.FirstOrDefault(o => o.OrderId == id);
            lines.Add(order != null ? StopBingXOpenOrderCommand.OrderLine(order) : $"{id.ToString(CultureInfo.InvariantCulture)} {symbol} (not open now)");
        }
        foreach (string id in pending.ClientOrderIds.Items)
        {
            BingXOrder? order = open.FirstOrDefault(o => string.Equals(o.ClientOrderId, id, StringComparison.Ordinal));
            lines.Add(order != null ? StopBingXOpenOrderCommand.OrderLine(order) : $"client order id {id} on {symbol} (not open now)");
        }
        return lines;
    }

    private void WriteNotCancelled(string symbol, string id, string idKind, string reason, Exception? inner)
    {
        // fails[] echoes order ids as strings: the error's target is the id as the user gave it, a long.
        long? orderId = null;
        string? clientOrderId = null;
        if (idKind == OrderIdKind && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
        {
            orderId = parsed;
        }
        else
        {
            clientOrderId = id;
        }
        BingXErrorKind kind = BingXErrorClassifier.IsOrderNotFound(null, reason) || (inner is BingXException b && b.Kind == BingXErrorKind.NotFound)
            ? BingXErrorKind.NotFound : BingXErrorKind.ApiError;
        var exception = new BingXOrderNotCancelledException(symbol, orderId, clientOrderId, reason, kind, (inner as BingXException)?.Endpoint, inner);
        WriteError(ToErrorRecord(exception, orderId.HasValue ? (object)orderId.Value : id));
    }

    /// <summary>Near-equal batches of at most <see cref="BatchSize"/>: 250 ids go as 84 + 83 + 83, never with a lone id at the end.</summary>
    internal static IEnumerable<IReadOnlyList<T>> Split<T>(IReadOnlyList<T> ids)
    {
        if (ids.Count == 0)
        {
            yield break;
        }
        int batches = (ids.Count + BatchSize - 1) / BatchSize;
        int start = 0;
        for (int i = 0; i < batches; i++)
        {
            int size = (ids.Count - start) / (batches - i);
            yield return ids.Skip(start).Take(size).ToList();
            start += size;
        }
    }

    private static ErrorRecord Invalid(string message, object? target) =>
        new ErrorRecord(new ArgumentException(message), BingXErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, target);

    private void ThrowInvalid(string message, object? target) => ThrowTerminatingError(Invalid(message, target));

    private sealed class PendingCancels
    {
        public OrderedSet<long> OrderIds { get; } = new OrderedSet<long>(EqualityComparer<long>.Default);

        public OrderedSet<string> ClientOrderIds { get; } = new OrderedSet<string>(StringComparer.Ordinal);
    }

    private sealed class OrderedSet<T>
    {
        private readonly HashSet<T> _seen;
        private readonly List<T> _items = new List<T>();

        public OrderedSet(IEqualityComparer<T> comparer) => _seen = new HashSet<T>(comparer);

        public IReadOnlyList<T> Items => _items;

        public bool Add(T item)
        {
            if (!_seen.Add(item))
            {
                return false;
            }
            _items.Add(item);
            return true;
        }
    }
}
