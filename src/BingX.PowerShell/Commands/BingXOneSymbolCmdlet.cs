using System.Management.Automation;
using BingX.PowerShell.Completion;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Base of the signed cmdlets about orders on one symbol (Get-BingXOrder, Stop-BingXOrder, Get-BingXTrade): -Symbol
/// is required, and piped orders bind to it by their Symbol property.
/// </summary>
public abstract class BingXOneSymbolCmdlet : BingXAuthenticatedCmdlet
{
    /// <summary>The spot symbol the orders are on, e.g. BTC-USDT.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [BingXSymbolTransformation]
    [ValidateBingXSymbol]
    [BingXSymbolCompleter]
    public string Symbol { get; set; } = string.Empty;
}
