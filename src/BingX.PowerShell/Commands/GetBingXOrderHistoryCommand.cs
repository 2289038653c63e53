using System.Management.Automation;
using BingX.PowerShell.Client;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Lists closed spot orders (GET /openApi/spot/v1/trade/historyOrders): filled, cancelled, failed. Pages by itself
/// and writes each page as it arrives, most recent order first (BingX's order).
/// </summary>
[Cmdlet(VerbsCommon.Get, "BingXOrderHistory")]
[OutputType(typeof(BingXOrder))]
public sealed class GetBingXOrderHistoryCommand : BingXPerSymbolCmdlet
{
    /// <summary>Only orders in these final states: FILLED, CANCELED, FAILED (any case); all three when omitted.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateSet("FILLED", "CANCELED", "FAILED", IgnoreCase = true)]
    public BingXOrderStatus[]? Status { get; set; }

    /// <summary>Only orders of this type.</summary>
    [Parameter]
    [ValidateSet("MARKET", "LIMIT", "TAKE_STOP_LIMIT", "TAKE_STOP_MARKET", "TRIGGER_LIMIT", "TRIGGER_MARKET", IgnoreCase = true)]
    public BingXOrderType? Type { get; set; }

    /// <summary>Only orders placed at or after this time (local time unless the DateTime says UTC).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only orders placed at or before this time (local time unless the DateTime says UTC).</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    protected override void BeginProcessing()
    {
        RefuseBackwardRange(Since, Until);
        base.BeginProcessing();
    }

    internal override void ProcessSymbol(string? symbol)
    {
        // One status is a server-side filter; two are filtered here from the unfiltered list, which keeps the
        // pages in BingX's order (two separate queries would not interleave by time).
        HashSet<BingXOrderStatus>? statuses = Status == null ? null : new HashSet<BingXOrderStatus>(Status);
        var query = new BingXOrderHistoryQuery
        {
            Symbol = symbol,
            StartTime = ToUtc(Since),
            EndTime = ToUtc(Until),
            Status = statuses != null && statuses.Count == 1 ? statuses.First().ToString() : null,
            Type = Type?.ToString(),
        };
        try
        {
            for (int page = 1; ; page++)
            {
                List<BingXOrder> orders = Run(ct => Client.GetOrderHistoryPageAsync(query, page, ct));
                WriteVerbose($"Order history page {page}: {orders.Count} order(s).");
                foreach (BingXOrder order in orders)
                {
                    if (statuses == null || statuses.Contains(order.Status))
                    {
                        WriteObject(order);
                    }
                }
                if (orders.Count < BingXClient.HistoryPageSize)
                {
                    return;
                }
                if (page == BingXClient.HistoryMaxPages)
                {
                    WriteWarning($"BingX pages order history up to {BingXClient.HistoryMaxPages * BingXClient.HistoryPageSize} orders a query; there may be older ones. Narrow the range with -Since/-Until to see them.");
                    return;
                }
            }
        }
        catch (Exception ex) when (!IsPipelineControl(ex))
        {
            ReportForSymbol(ex, symbol, "it has no order history");
        }
    }
}
