using System.Management.Automation;
using BingX.PowerShell.Client;
using BingX.PowerShell.Session;
using BingX.PowerShell.Completion;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// The spot symbols and their trading rules (GET /openApi/spot/v1/common/symbols). Public: needs no credentials.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BingXSymbol")]
[OutputType(typeof(BingXSymbol))]
public sealed class GetBingXSymbolCommand : BingXCmdlet
{
    private readonly RequestedNames _symbols = new RequestedNames(nameof(Symbol));
    private BingXClient? _client;

    /// <summary>Only these symbols, e.g. BTC-USDT. All when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [BingXSymbolTransformation]
    [ValidateBingXSymbol]
    [BingXSymbolCompleter]
    public string[]? Symbol { get; set; }

    protected override void BeginProcessing()
    {
        _client = new BingXClient(CreatePublicOptions(BingXSession.Current));
    }

    protected override void ProcessRecord() => _symbols.Add(Symbol);

    protected override void EndProcessing()
    {
        bool filtered = _symbols.IsFilter(MyInvocation);
        // One symbol: the exchange filters. Several: one request for the whole list, filtered here.
        string? only = _symbols.Names.Count == 1 ? _symbols.Names[0] : null;
        if ((filtered && _symbols.Names.Count == 0) || !TryRun(ct => _client!.GetSymbolsAsync(only, ct), ex => Report(ex, only ?? "Symbols"), out List<BingXSymbol>? symbols))
        {
            return;
        }

        if (!filtered)
        {
            foreach (BingXSymbol symbol in symbols)
            {
                WriteObject(symbol);
            }
            return;
        }
        foreach (string name in _symbols.Names)
        {
            BingXSymbol? symbol = symbols.FirstOrDefault(s => string.Equals(s.Symbol, name, StringComparison.Ordinal));
            if (symbol != null)
            {
                WriteObject(symbol);
            }
            else
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"BingX lists no spot symbol {name}. Get-BingXSymbol without -Symbol lists them all."),
                    BingXErrorIds.SymbolNotFound, ErrorCategory.ObjectNotFound, name));
            }
        }
    }
}
