using System.Management.Automation;

namespace BingX.PowerShell.Commands;

/// <summary>Lists the open spot orders (GET /openApi/spot/v1/trade/openOrders), on given symbols or on all.</summary>
[Cmdlet(VerbsCommon.Get, "BingXOpenOrder")]
[OutputType(typeof(BingXOrder))]
public sealed class GetBingXOpenOrderCommand : BingXPerSymbolCmdlet
{
    internal override void ProcessSymbol(string? symbol) =>
        RunAndWrite(ct => Client.GetOpenOrdersAsync(symbol, ct), ex => ReportForSymbol(ex, symbol, "it has no open orders to list"));
}
