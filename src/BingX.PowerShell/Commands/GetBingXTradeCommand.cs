using System.Management.Automation;
using BingX.PowerShell.Client;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Lists the fills of one symbol (GET /openApi/spot/v1/trade/myTrades), oldest first. Splits ranges longer than
/// BingX's 7 days into several calls and pages with fromId, writing each answer as it arrives. Orders piped in
/// bind by their Symbol and OrderId.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BingXTrade")]
[OutputType(typeof(BingXTrade))]
public sealed class GetBingXTradeCommand : BingXOneSymbolCmdlet
{
    /// <summary>Only the fills of this order.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1, long.MaxValue)]
    public long? OrderId { get; set; }

    /// <summary>Fills at or after this time (local unless the DateTime says UTC). Default: a day before -Until.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Fills at or before this time (local unless the DateTime says UTC). Default: now.</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    protected override void BeginProcessing()
    {
        RefuseBackwardRange(Since, Until);
        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        DateTimeOffset end = ToUtc(Until) ?? DateTimeOffset.UtcNow;
        DateTimeOffset start = ToUtc(Since) ?? end.AddDays(-1);
        try
        {
            foreach ((DateTimeOffset from, DateTimeOffset to) in BingXClient.SplitTradeRange(start, end))
            {
                long? fromId = null;
                while (true)
                {
                    List<BingXTrade> trades = Run(ct => Client.GetTradesAsync(Symbol, OrderId, from, to, fromId, ct));
                    WriteVerbose($"Fills of {Symbol} from {from:u} to {to:u}{(fromId.HasValue ? $" from id {fromId}" : string.Empty)}: {trades.Count}.");
                    long lastId = 0;
                    foreach (BingXTrade trade in trades)
                    {
                        WriteObject(trade);
                        lastId = Math.Max(lastId, trade.Id);
                    }
                    if (trades.Count < BingXClient.TradeLimit)
                    {
                        break;
                    }
                    fromId = lastId + 1;
                }
            }
        }
        catch (Exception ex) when (!IsPipelineControl(ex))
        {
            ReportForSymbol(ex, Symbol, "it has no fills", OrderId.HasValue ? (object)$"{Symbol} {OrderId}" : Symbol);
        }
    }
}
