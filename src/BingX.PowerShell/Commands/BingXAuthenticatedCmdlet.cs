using System.Management.Automation;
using BingX.PowerShell.Client;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Base of the cmdlets that sign requests. Credentials come, in this order, from -Credential, from
/// -Vault/-SecretName, from Connect-BingX, or from the secret named BingX in the default vault.
/// </summary>
public abstract class BingXAuthenticatedCmdlet : BingXCmdlet
{
    private BingXClient? _client;

    /// <summary>The SecretManagement vault to read the credentials from (default: Connect-BingX's, else the default vault).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Vault { get; set; }

    /// <summary>The name of the secret holding the credentials (default: Connect-BingX's, else BingX).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecretName { get; set; }

    /// <summary>API key as user name, secret key as password. Bypasses the vault (e.g. Azure Automation credential assets).</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? Credential { get; set; }

    /// <summary>How long after its timestamp the exchange may accept the request, in milliseconds (the exchange's default is 5000).</summary>
    [Parameter]
    [ValidateRange(1, 60000)]
    public int RecvWindow { get; set; }

    /// <summary>The client for this invocation, created once in BeginProcessing.</summary>
    internal BingXClient Client => _client ?? throw new InvalidOperationException("BeginProcessing has not run.");

    protected override void BeginProcessing()
    {
        _client = new BingXClient(CreateAuthenticatedOptions());
    }

    internal BingXClientOptions CreateAuthenticatedOptions()
    {
        BingXClientOptions options = CreatePublicOptions();
        options.Credential = ResolveCredential(Credential, Vault, SecretName, BingXSession.Current, out _);
        BingXConnection? connection = BingXSession.Current;
        options.RecvWindow = MyInvocation.BoundParameters.ContainsKey(nameof(RecvWindow)) ? RecvWindow : connection?.RecvWindow;
        return options;
    }
}
