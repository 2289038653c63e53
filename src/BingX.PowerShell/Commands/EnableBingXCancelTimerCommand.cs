using System.Management.Automation;
using BingX.PowerShell.Client;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Arms (or re-arms) BingX's dead man's switch (POST /openApi/spot/v1/trade/cancelAllAfter, type=ACTIVATE): unless
/// it is called again within -Seconds, the exchange cancels every open spot order of the account.
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "BingXCancelTimer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(BingXCancelTimer))]
public sealed class EnableBingXCancelTimerCommand : BingXAuthenticatedCmdlet
{
    /// <summary>The countdown, 10 to 120 seconds (the exchange's range).</summary>
    [Parameter(Position = 0)]
    [ValidateRange(BingXClient.MinCancelTimerSeconds, BingXClient.MaxCancelTimerSeconds)]
    public int Seconds { get; set; } = 60;

    /// <summary>Do not ask for confirmation, even where $ConfirmPreference would (-WhatIf still only shows what would be done).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (!ConfirmationGate.Confirm(this, Force, "all open spot orders of the account", $"Cancel them unless the timer is re-armed within {Seconds} s"))
        {
            return;
        }
        if (TryRun(ct => Client.EnableCancelTimerAsync(Seconds, ct), ex => Report(ex, "cancelAllAfter"), out BingXCancelTimer? timer))
        {
            WriteVerbose($"The cancel timer is armed: BingX cancels all open spot orders at {timer.FiresAt:yyyy-MM-dd HH:mm:ss} (local time) unless it is re-armed before.");
            WriteObject(timer);
        }
    }
}
