using System.Management.Automation;
using BingX.PowerShell.Validation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// The spot account's balances (GET /openApi/spot/v1/account/balance): free, locked in open orders, and total.
/// Assets with nothing in them are left out unless -IncludeZero.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BingXBalance")]
[OutputType(typeof(BingXBalance))]
public sealed class GetBingXBalanceCommand : BingXAuthenticatedCmdlet
{
    private readonly RequestedNames _assets = new RequestedNames(nameof(Asset));

    /// <summary>Only these assets, e.g. USDT, BTC. All when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [BingXAssetTransformation]
    [ValidateBingXAsset]
    public string[]? Asset { get; set; }

    /// <summary>Also write assets whose free and locked amounts are both zero (with -Asset: every asset asked for).</summary>
    [Parameter]
    public SwitchParameter IncludeZero { get; set; }

    protected override void ProcessRecord() => _assets.Add(Asset);

    protected override void EndProcessing()
    {
        bool filtered = _assets.IsFilter(MyInvocation);
        // One request however many assets were asked for: the endpoint answers with all of them.
        if ((filtered && _assets.Names.Count == 0) || !TryRun(ct => Client.GetBalancesAsync(ct), ex => Report(ex, "Balance"), out List<BingXBalance>? balances))
        {
            return;
        }

        if (!filtered)
        {
            foreach (BingXBalance balance in balances.Where(b => IncludeZero || b.Total != 0))
            {
                WriteObject(balance);
            }
            return;
        }
        foreach (string asset in _assets.Names)
        {
            BingXBalance? balance = balances.FirstOrDefault(b => string.Equals(b.Asset, asset, StringComparison.OrdinalIgnoreCase));
            if (balance == null && IncludeZero)
            {
                // The exchange lists only what the account holds: an asset asked for and not listed holds nothing.
                balance = new BingXBalance { Asset = asset };
            }
            if (balance != null && (IncludeZero || balance.Total != 0))
            {
                WriteObject(balance);
            }
            else
            {
                WriteVerbose($"{asset}: nothing held (use -IncludeZero to list it anyway).");
            }
        }
    }
}
