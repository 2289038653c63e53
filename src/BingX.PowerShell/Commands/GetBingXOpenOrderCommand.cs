using System.Management.Automation;
using BingX.PowerShell.Completion;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>Lists the open spot orders (GET /openApi/spot/v1/trade/openOrders), on given symbols or on all.</summary>
[Cmdlet(VerbsCommon.Get, "BingXOpenOrder")]
[OutputType(typeof(BingXOrder))]
public sealed class GetBingXOpenOrderCommand : BingXAuthenticatedCmdlet
{
    /// <summary>Only these symbols; all symbols when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [BingXSymbolTransformation]
    [ValidateBingXSymbol]
    [BingXSymbolCompleter]
    public string[]? Symbol { get; set; }

    protected override void ProcessRecord() => ForEachSymbolOrAll(Symbol, Write);

    private void Write(string? symbol) =>
        RunAndWrite(ct => Client.GetOpenOrdersAsync(symbol, ct), ex => ReportForSymbol(ex, symbol, "it has no open orders to list"));
}
