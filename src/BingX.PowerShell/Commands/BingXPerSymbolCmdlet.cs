using System.Management.Automation;
using BingX.PowerShell.Completion;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Base of the signed list cmdlets that ask the exchange once per symbol given, or once for every symbol when none
/// was (Get-BingXOpenOrder, Get-BingXOrderHistory). Symbols come from -Symbol, as strings on the pipeline, or from
/// the Symbol property of piped objects.
/// </summary>
public abstract class BingXPerSymbolCmdlet : BingXAuthenticatedCmdlet
{
    /// <summary>Only these symbols; all symbols when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [BingXSymbolTransformation]
    [ValidateBingXSymbol]
    [BingXSymbolCompleter]
    public string[]? Symbol { get; set; }

    protected override void ProcessRecord()
    {
        if (Symbol == null)
        {
            ProcessSymbol(null);
            return;
        }
        foreach (string symbol in Symbol)
        {
            ProcessSymbol(symbol);
        }
    }

    /// <summary>Asks for and writes what one symbol has; <paramref name="symbol"/> null: every symbol, in one go.</summary>
    internal abstract void ProcessSymbol(string? symbol);
}
