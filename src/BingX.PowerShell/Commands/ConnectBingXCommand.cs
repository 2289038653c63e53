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
public sealed class ConnectBingXCommand : BingXCmdlet
{
    /// <summary>The SecretManagement vault holding the credentials (default: the default vault).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The name of the secret holding the credentials (default: BingX).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecretName { get; set; }

    /// <summary>API key as user name, secret key as password, instead of a vault.</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>The exchange's REST address (default https://open-api.bingx.com, or $env:BINGX_BASE_URI). Plain http only to loopback.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>Default receive window in milliseconds for every signed request of the session.</summary>
    [Parameter]
    [ValidateRange(1, 60000)]
    public int RecvWindow { get; set; }

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
        Uri baseUri = BaseUri ?? BingXSession.DefaultBaseUri;
        string? problem = BingXClientOptions.ValidateBaseUri(baseUri);
        if (problem != null)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), BingXErrorIds.InsecureBaseUri, ErrorCategory.InvalidArgument, baseUri));
        }

        // Connecting starts from nothing: no earlier connection's defaults.
        BingXApiCredential credential = ResolveCredential(Credential, Vault, SecretName, null, out string source);
        string secretName = SecretName ?? BingXSession.DefaultSecretName;

        int? recvWindow = MyInvocation.BoundParameters.ContainsKey(nameof(RecvWindow)) ? RecvWindow : (int?)null;
        // Measure the clock offset now: the first signed request is then stamped right even on a skewed machine.
        var client = new BingXClient(new BingXClientOptions
        {
            BaseUri = baseUri,
            Credential = credential,
            RecvWindow = recvWindow,
            Timeout = RequestedTimeout ?? BingXClientOptions.DefaultTimeout,
            MaxRateLimitWait = RequestedMaxRateLimitWait ?? BingXClientOptions.DefaultMaxRateLimitWait,
            Log = Pump,
        });
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

        BingXSession.Current = new BingXConnection(baseUri, credential, Vault, secretName, Credential == null, recvWindow, RequestedTimeout, RequestedMaxRateLimitWait);
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
