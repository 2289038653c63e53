using System.Management.Automation;
using BingX.PowerShell.Client;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Measures the exchange's clock against this machine's (GET /openApi/spot/v1/server/time), and keeps the
/// offset for the signed requests that follow in this process. Public: needs no credentials.
/// </summary>
[Cmdlet(VerbsCommon.Get, "BingXServerTime")]
[OutputType(typeof(BingXServerTime))]
public sealed class GetBingXServerTimeCommand : BingXCmdlet
{
    protected override void EndProcessing()
    {
        var client = new BingXClient(CreatePublicOptions(BingXSession.Current));
        RunAndWrite(ct => client.SynchronizeClockAsync(ct), ex => Report(ex, client.Options.BaseUri));
    }
}
