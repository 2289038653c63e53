using System.Management.Automation;
using System.Text;
using BingX.PowerShell.Client;
using BingX.PowerShell.Client.Recovery;
using BingX.PowerShell.Client.Retrying;
using BingX.PowerShell.Completion;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Cancels all open orders on one or more symbols (POST /openApi/spot/v1/trade/cancelOpenOrders), or on every
/// symbol with -All. There is no way to reach cancel-everything by leaving -Symbol out or passing $null.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "BingXOpenOrder", DefaultParameterSetName = SymbolSet,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(BingXOrder))]
public sealed class StopBingXOpenOrderCommand : BingXAuthenticatedCmdlet
{
    private const string SymbolSet = "Symbol";
    private const string AllSet = "All";
    private const int OrdersListedInPrompt = 10;
    private readonly HashSet<string> _done = new HashSet<string>(StringComparer.Ordinal);
    private const int ProgressActivityId = 1;
    private bool _progressShown;

    /// <summary>The spot symbols whose open orders to cancel, e.g. BTC-USDT.</summary>
    [Parameter(ParameterSetName = SymbolSet, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [BingXSymbolTransformation]
    [ValidateBingXSymbol]
    [BingXSymbolCompleter]
    public string[]? Symbol { get; set; }

    /// <summary>Cancel the open orders on every symbol. The only way to send the request without a symbol.</summary>
    [Parameter(ParameterSetName = AllSet, Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <summary>Do not ask for confirmation.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// Binds only so that piped orders can be recognised and refused: an object with an OrderId is an order, and
    /// cancel-all on its symbol would cancel orders a filter (Where-Object Side -EQ Buy) left out.
    /// </summary>
    [Parameter(ParameterSetName = SymbolSet, ValueFromPipelineByPropertyName = true, DontShow = true)]
    [AllowNull]
    public object? OrderId { get; set; }

    protected override void BeginProcessing()
    {
        // Checked before anything is read or sent: no symbol must never mean "every symbol".
        if (ParameterSetName == SymbolSet && !MyInvocation.BoundParameters.ContainsKey(nameof(Symbol)) && !MyInvocation.ExpectingInput)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("Stop-BingXOpenOrder needs -Symbol <symbol> (e.g. -Symbol BTC-USDT) to cancel the open orders on that symbol, or -All to cancel the open orders on every symbol. Nothing was sent."),
                BingXErrorIds.SymbolRequired, ErrorCategory.InvalidArgument, null));
        }
        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        if (OrderId != null)
        {
            RefusePipedOrder();
        }
        if (All)
        {
            CancelOn(null);
            return;
        }
        string[] symbols = Symbol ?? Array.Empty<string>();
        for (int i = 0; i < symbols.Length; i++)
        {
            string symbol = symbols[i];
            // Piped orders repeat their symbol: cancel-all once per symbol is enough.
            if (_done.Add(symbol))
            {
                ShowProgress(symbol, i, symbols.Length);
                CancelOn(symbol);
            }
            else
            {
                WriteVerbose($"{symbol}: open orders already cancelled by this command.");
            }
        }
    }

    private void RefusePipedOrder()
    {
        string symbol = Symbol != null && Symbol.Length > 0 ? Symbol[0] : "its symbol";
        ThrowTerminatingError(new ErrorRecord(
            new ArgumentException(
                $"Stop-BingXOpenOrder cancels every open order on a symbol, so it does not take orders from the pipeline: order {OrderId} would have meant cancelling everything on {symbol}, including orders a filter left out. "
                + "To cancel exactly the piped orders use Stop-BingXOrder (Get-BingXOpenOrder -Symbol BTC-USDT | Where-Object Side -EQ Buy | Stop-BingXOrder); to cancel everything on a symbol pass the symbol (-Symbol BTC-USDT, or symbol strings on the pipeline). Nothing was sent."),
            BingXErrorIds.PipedOrderRefused, ErrorCategory.InvalidArgument, OrderId));
    }

    protected override void EndProcessing()
    {
        if (_progressShown)
        {
            WriteProgress(new ProgressRecord(ProgressActivityId, "Cancelling open orders", "Done") { RecordType = ProgressRecordType.Completed });
        }
        base.EndProcessing();
    }

    /// <summary>Per-symbol progress once there is more than one symbol (given together, or piped one after another).</summary>
    private void ShowProgress(string symbol, int index, int count)
    {
        if (count < 2 && _done.Count < 2)
        {
            return;
        }
        _progressShown = true;
        var record = new ProgressRecord(ProgressActivityId, "Cancelling open orders", count > 1
            ? string.Format(CultureInfo.InvariantCulture, "{0} ({1} of {2})", symbol, index + 1, count)
            : string.Format(CultureInfo.InvariantCulture, "{0} (symbol {1})", symbol, _done.Count));
        if (count > 1)
        {
            record.PercentComplete = index * 100 / count;
        }
        WriteProgress(record);
    }

    private void CancelOn(string? symbol)
    {
        try
        {
            List<BingXOrder>? listed = Confirm(symbol, out bool proceed);
            if (!proceed)
            {
                return;
            }
            var lostAnswer = new LostAnswerNote();
            List<BingXOrder> cancelled = Run(ct => Client.CancelOpenOrdersAsync(symbol, ct, lostAnswer));
            if (lostAnswer.LostAnswer != null)
            {
                cancelled = AddCancelledByLostAttempt(symbol, listed, cancelled, lostAnswer.LostAnswer);
            }
            WriteVerbose($"{symbol ?? "All symbols"}: {cancelled.Count} order(s) cancelled.");
            foreach (BingXOrder order in cancelled)
            {
                WriteObject(order);
            }
            if (listed != null)
            {
                WarnIfDifferent(symbol, listed, cancelled);
            }
        }
        catch (Exception ex) when (!IsPipelineControl(ex) && !(ex is ParameterBindingException))
        {
            ReportForSymbol(ex, symbol, "nothing was cancelled on it");
        }
    }

    /// <summary>
    /// The first cancel-all lost its answer and the retry lists only what it cancelled itself. The orders the
    /// question listed that the retry did not report are looked up one by one: CANCELED ones were cancelled by the
    /// lost attempt and join the result. Without a list (-Force) that cannot be known: a verbose line says so and
    /// where to look; nothing is left open either way, which is what was asked.
    /// </summary>
    private List<BingXOrder> AddCancelledByLostAttempt(string? symbol, List<BingXOrder>? listed, List<BingXOrder> cancelled, BingXException lost)
    {
        string report = RetryPolicy.DescribeLostAnswerAfterSuccess(BingXEndpoint.CancelOpenOrders, lost, out _);
        if (listed == null)
        {
            WriteVerbose($"{report} Get-BingXOrderHistory{(symbol == null ? string.Empty : " -Symbol " + symbol)} -Status Canceled lists them.");
            return cancelled;
        }
        var reported = new HashSet<long>(cancelled.Select(o => o.OrderId));
        var all = new List<BingXOrder>(cancelled);
        foreach (BingXOrder order in listed.Where(o => !reported.Contains(o.OrderId)))
        {
            BingXOrder? found = Run(ct => CancelRecovery.FindCancelledAsync(c => Client.QueryOrderAsync(order.Symbol, order.OrderId, null, c), Client.Options.Log, "Order " + order.OrderId, ct));
            if (found != null)
            {
                all.Add(found);
            }
        }
        WriteVerbose($"{BingXEndpoint.CancelOpenOrders}: an earlier attempt lost its answer ({lost.ErrorId}); the retry succeeded, and {all.Count - cancelled.Count} of the listed orders it did not report were found CANCELED one by one (trade/query): they are in this result.");
        return all;
    }

    /// <summary>
    /// ShouldProcess names the symbol and what is open on it. The open orders are read only when someone will
    /// see them (-WhatIf or a prompt): an unattended -Force run sends just the cancel. Returns the orders listed
    /// (null when none were read); <paramref name="proceed"/> is false when nothing is to be sent.
    /// </summary>
    private List<BingXOrder>? Confirm(string? symbol, out bool proceed)
    {
        string scope = symbol ?? "ALL symbols";
        if (ConfirmationGate.SkipsPrompt(this, Force))
        {
            proceed = true;
            return null;
        }
        if (!ConfirmationGate.WhatIfRequested(this) && !ConfirmationGate.PromptWillShow(this, ConfirmImpact.High))
        {
            proceed = ConfirmationGate.ShouldProcessOrRefuse(this, scope, "Cancel all open orders", "Stop-BingXOpenOrder");
            return null;
        }

        List<BingXOrder> open = Run(ct => Client.GetOpenOrdersAsync(symbol, ct));
        if (open.Count == 0)
        {
            // Nothing to cancel: no prompt for nothing, and no request.
            WriteVerbose($"{scope}: no open orders, so nothing to confirm and nothing was sent.");
            proceed = false;
            return open;
        }
        int symbolCount = open.Select(o => o.Symbol).Distinct(StringComparer.Ordinal).Count();
        string target = symbol == null
            ? $"ALL symbols ({open.Count} open order{Plural(open.Count)} on {symbolCount} symbol{Plural(symbolCount)})"
            : $"{symbol} ({open.Count} open order{Plural(open.Count)})";
        List<string> lines = open.Select(OrderLine).ToList();
        string description = $"Cancel all open orders on {target}{ConfirmationGate.Listing(lines, int.MaxValue)}";
        string warning = $"Cancel all open orders on {target}?{ConfirmationGate.Listing(lines, OrdersListedInPrompt)}";
        proceed = ConfirmationGate.ShouldProcessOrRefuse(this, description, warning, "Stop-BingXOpenOrder");
        return open;
    }

    /// <summary>Cancel-all cancels what is open when it arrives: say so when that is not what the prompt listed.</summary>
    private void WarnIfDifferent(string? symbol, List<BingXOrder> listed, List<BingXOrder> cancelled)
    {
        var listedIds = new HashSet<long>(listed.Select(o => o.OrderId));
        var cancelledIds = new HashSet<long>(cancelled.Select(o => o.OrderId));
        List<BingXOrder> extra = cancelled.Where(o => !listedIds.Contains(o.OrderId)).ToList();
        List<BingXOrder> missing = listed.Where(o => !cancelledIds.Contains(o.OrderId)).ToList();
        if (extra.Count == 0 && missing.Count == 0)
        {
            return;
        }
        var text = new StringBuilder($"{symbol ?? "All symbols"}: BingX cancelled a different set of orders than the confirmation listed ({listed.Count} listed, {cancelled.Count} cancelled).");
        if (extra.Count > 0)
        {
            text.Append(" Also cancelled (opened after the list was read): ").Append(string.Join(", ", extra.Select(OrderLine))).Append('.');
        }
        if (missing.Count > 0)
        {
            text.Append(" Listed but not reported cancelled (filled or cancelled meanwhile; check with Get-BingXOrder): ")
                .Append(string.Join(", ", missing.Select(OrderLine))).Append('.');
        }
        WriteWarning(text.ToString());
    }

    internal static string OrderLine(BingXOrder order) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3} {4} @ {5}{6}", order.OrderId, order.Symbol, order.Side, order.Type,
            order.OrigQty, order.Price, order.ClientOrderId == null ? string.Empty : " (" + order.ClientOrderId + ")");

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
