using System.Management.Automation;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Commands;

/// <summary>Forgets what Connect-BingX set, including the credentials held in memory.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "BingX")]
[OutputType(typeof(void))]
public sealed class DisconnectBingXCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        BingXConnection? previous = BingXSession.Current;
        BingXSession.Current = null;
        WriteVerbose(previous == null ? "Not connected." : $"Disconnected {previous.Credential.RedactedApiKey} from {previous.BaseUri}.");
    }
}
