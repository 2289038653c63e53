using System.Management.Automation;
using BingX.PowerShell.Client;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Sets the session's defaults: where the credentials come from (read now, so a missing or locked vault shows
/// up here rather than mid-incident), the exchange's address, the receive window, and the clock offset.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "BingX")]
[OutputType(typeof(BingXConnectionInfo))]
public sealed class ConnectBingXCommand : BingXCredentialCmdlet
{
    /// <summary>The exchange's REST address (default https://open-api.bingx.com, or $env:BINGX_BASE_URI). Plain http only to loopback.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// Send nothing: no clock measurement and no key check (for offline setup). A wrong key then shows up on the
    /// first command instead.
    /// </summary>
    [Parameter]
    public SwitchParameter SkipCheck { get; set; }

    /// <summary>Write the connection's details (no secrets) to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        // Connecting starts from nothing: no earlier connection's defaults.
        Uri baseUri = BaseUri ?? BingXSession.DefaultBaseUri;
        BingXClientOptions options = CreateOptions(baseUri, null);
        BingXApiCredential credential = ResolveCredential(null, out string source);
        string secretName = SecretName ?? BingXSession.DefaultSecretName;
        int? recvWindow = RequestedRecvWindow;
        options.Credential = credential;
        options.RecvWindow = recvWindow;
        // Measure the clock offset now: the first signed request is then stamped right even on a skewed machine.
        var client = new BingXClient(options);
        BingXServerTime? time = null;
        if (SkipCheck)
        {
            WriteVerbose("-SkipCheck: nothing sent; the clock is measured and the key checked by the first command.");
        }
        else
        {
            try
            {
                time = Run(ct => client.SynchronizeClockAsync(ct));
            }
            catch (BingXException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, baseUri));
                return;
            }
            CheckKey(client, credential);
        }

        BingXSession.Current = new BingXConnection(baseUri, credential, Vault, secretName, recvWindow, RequestedTimeout, RequestedMaxRateLimitWait);
        WriteVerbose(time == null
            ? $"Connected to {baseUri} as {credential.RedactedApiKey} without checking (-SkipCheck)."
            : $"Connected to {baseUri} as {credential.RedactedApiKey}; key checked; clock offset {time.Offset.TotalMilliseconds:0} ms.");

        if (PassThru)
        {
            WriteObject(new BingXConnectionInfo
            {
                BaseUri = baseUri,
                ApiKey = credential.RedactedApiKey,
                Source = source,
                RecvWindow = recvWindow,
                ClockOffset = time?.Offset,
            });
        }
    }

    /// <summary>
    /// One signed request proves the key and secret: GET account/balance. Of the signed reads it has the smallest
    /// answer (one row per asset held, where openOrders without a symbol can return up to 2000 orders) and needs
    /// no symbol or order id; its 5/s per-key budget is ample for a connect. A wrong key, secret or IP ends the
    /// connect here and the session stays as it was. A key without the Read permission (100004) passed the
    /// signature check already: that is said, not failed.
    /// </summary>
    private void CheckKey(BingXClient client, BingXApiCredential credential)
    {
        try
        {
            Run(ct => client.GetBalancesAsync(ct));
        }
        catch (BingXException ex) when (ex.ErrorId == BingXErrorIds.PermissionDenied)
        {
            WriteVerbose($"The key {credential.RedactedApiKey} is valid but may not read the balance (no Read permission): {ex.Message}");
        }
        catch (BingXException ex)
        {
            ThrowTerminatingError(ToErrorRecord(ex, credential.RedactedApiKey));
        }
    }
}
