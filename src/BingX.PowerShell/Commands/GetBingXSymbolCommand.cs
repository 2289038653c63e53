using System.Management.Automation;
using BingX.PowerShell.Client;
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
    private readonly List<string> _symbols = new List<string>();
    private BingXClient? _client;

    /// <summary>Only these symbols, e.g. BTC-USDT. All when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [BingXSymbolTransformation]
    [ValidateBingXSymbol]
    [BingXSymbolCompleter]
    public string[]? Symbol { get; set; }

    protected override void BeginProcessing()
    {
        _client = new BingXClient(CreatePublicOptions());
    }

    protected override void ProcessRecord()
    {
        foreach (string symbol in Symbol ?? Array.Empty<string>())
        {
            if (!_symbols.Contains(symbol, StringComparer.Ordinal))
            {
                _symbols.Add(symbol);
            }
        }
    }

    protected override void EndProcessing()
    {
        bool filtered = MyInvocation.BoundParameters.ContainsKey(nameof(Symbol)) || MyInvocation.ExpectingInput;
        if (filtered && _symbols.Count == 0)
        {
            return;
        }
        // One symbol: the exchange filters. Several: one request for the whole list, filtered here.
        string? only = _symbols.Count == 1 ? _symbols[0] : null;
        List<BingXSymbol> symbols;
        try
        {
            symbols = Run(ct => _client!.GetSymbolsAsync(only, ct));
        }
        catch (Exception ex) when (!(ex is PipelineStoppedException) && !(ex is ActionPreferenceStopException))
        {
            Report(ex, only ?? "Symbols");
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
        foreach (string name in _symbols)
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
