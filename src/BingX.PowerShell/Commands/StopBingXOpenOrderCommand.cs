using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using BingX.PowerShell.Completion;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands
{
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
        [ValidateNotNullOrEmpty]
        [BingXSymbolTransformation]
        [ValidateBingXSymbol]
        [ArgumentCompleter(typeof(SymbolCompleter))]
        public string[]? Symbol { get; set; }

        /// <summary>Cancel the open orders on every symbol. The only way to send the request without a symbol.</summary>
        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        /// <summary>Do not ask for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

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
                if (!Confirm(symbol))
                {
                    return;
                }
                List<BingXOrder> cancelled = Run(ct => Client.CancelOpenOrdersAsync(symbol, ct));
                WriteVerbose($"{symbol ?? "All symbols"}: {cancelled.Count} order(s) cancelled.");
                foreach (BingXOrder order in cancelled)
                {
                    WriteObject(order);
                }
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException) && !(ex is ActionPreferenceStopException) && !(ex is ParameterBindingException))
            {
                ReportForSymbol(ex, symbol, "nothing was cancelled on it");
            }
        }

        /// <summary>
        /// ShouldProcess names the symbol and what is open on it. The open orders are read only when someone will
        /// see them (-WhatIf or a prompt): an unattended -Force run sends just the cancel.
        /// </summary>
        private bool Confirm(string? symbol)
        {
            string scope = symbol ?? "ALL symbols";
            if (Force && !WhatIfRequested)
            {
                return true;
            }
            if (!WhatIfRequested && !PromptWillShow)
            {
                return ShouldProcess(scope, "Cancel all open orders");
            }

            List<BingXOrder> open = Run(ct => Client.GetOpenOrdersAsync(symbol, ct));
            int symbolCount = open.Select(o => o.Symbol).Distinct(StringComparer.Ordinal).Count();
            string target = symbol == null
                ? $"ALL symbols ({open.Count} open order{Plural(open.Count)} on {symbolCount} symbol{Plural(symbolCount)})"
                : $"{symbol} ({open.Count} open order{Plural(open.Count)})";
            string description = $"Cancel all open orders on {target}{Describe(open, int.MaxValue)}";
            string warning = $"Cancel all open orders on {target}?{Describe(open, OrdersListedInPrompt)}";
            return ShouldProcess(description, warning, "Stop-BingXOpenOrder");
        }

        private bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? w) ? ((SwitchParameter)w).IsPresent
            : SessionState.PSVariable.GetValue("WhatIfPreference") is SwitchParameter s ? s.IsPresent
            : LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference"));

        /// <summary>ConfirmImpact is High: a prompt shows unless -Confirm:$false, -Force, or $ConfirmPreference = 'None'.</summary>
        private bool PromptWillShow
        {
            get
            {
                if (MyInvocation.BoundParameters.TryGetValue("Confirm", out object? c))
                {
                    return ((SwitchParameter)c).IsPresent;
                }
                // A script may hold it as a string ($ConfirmPreference = 'None' in a child scope has no type constraint).
                object? preference = SessionState.PSVariable.GetValue("ConfirmPreference");
                return !LanguagePrimitives.TryConvertTo(preference, out ConfirmImpact impact) || impact != ConfirmImpact.None;
            }
        }

        private static string Describe(List<BingXOrder> orders, int max)
        {
            if (orders.Count == 0)
            {
                return string.Empty;
            }
            var text = new StringBuilder(":");
            foreach (BingXOrder order in orders.Take(max))
            {
                text.Append(Environment.NewLine).Append("  ").Append(OrderLine(order));
            }
            if (orders.Count > max)
            {
                text.Append(Environment.NewLine).Append("  ... and ").Append(orders.Count - max).Append(" more");
            }
            return text.ToString();
        }

        internal static string OrderLine(BingXOrder order) =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3} {4} @ {5}{6}", order.OrderId, order.Symbol, order.Side, order.Type,
                order.OrigQty, order.Price, order.ClientOrderId == null ? string.Empty : " (" + order.ClientOrderId + ")");

        private static string Plural(int count) => count == 1 ? string.Empty : "s";
    }
}
