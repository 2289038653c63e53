using System.Management.Automation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Stops BingX's dead man's switch (POST /openApi/spot/v1/trade/cancelAllAfter, type=CLOSE): the open orders stay.
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "BingXCancelTimer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BingXCancelTimer))]
public sealed class DisableBingXCancelTimerCommand : BingXAuthenticatedCmdlet
{
    /// <summary>Do not ask for confirmation, even where $ConfirmPreference would (-WhatIf still only shows what would be done).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!ConfirmationGate.Confirm(this, Force, "the cancel timer of the account", "Stop it; open orders are no longer cancelled when it would have fired"))
        {
            return;
        }
        RunAndWrite(ct => Client.DisableCancelTimerAsync(ct), ex => Report(ex, "cancelAllAfter"));
    }
}
