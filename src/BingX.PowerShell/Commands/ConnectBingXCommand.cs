using System;
using System.Management.Automation;
using BingX.PowerShell.Client;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Commands
{
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

            // Measure the clock offset now: the first signed request is then stamped right even on a skewed machine.
            var client = new BingXClient(new BingXClientOptions
            {
                BaseUri = baseUri,
                Timeout = RequestedTimeout ?? BingXClientOptions.DefaultTimeout,
                MaxRateLimitWait = RequestedMaxRateLimitWait ?? BingXClientOptions.DefaultMaxRateLimitWait,
                Log = Pump,
            });
            BingXServerTime time;
            try
            {
                time = Run(ct => client.SynchronizeClockAsync(ct));
            }
            catch (BingXException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, baseUri));
                return;
            }

            int? recvWindow = MyInvocation.BoundParameters.ContainsKey(nameof(RecvWindow)) ? RecvWindow : (int?)null;
            BingXSession.Current = new BingXConnection(baseUri, credential, Vault, secretName, Credential == null, recvWindow, RequestedTimeout, RequestedMaxRateLimitWait);
            WriteVerbose($"Connected to {baseUri} as {credential.RedactedApiKey}; clock offset {time.Offset.TotalMilliseconds:0} ms.");

            if (PassThru)
            {
                WriteObject(new BingXConnectionInfo
                {
                    BaseUri = baseUri,
                    ApiKey = credential.RedactedApiKey,
                    Source = source,
                    RecvWindow = recvWindow,
                    ClockOffset = time.Offset,
                });
            }
        }
    }
}
