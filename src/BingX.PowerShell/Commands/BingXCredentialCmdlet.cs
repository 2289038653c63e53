using System.Management.Automation;
using BingX.PowerShell.Client;
using BingX.PowerShell.Credentials;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Base of the cmdlets that read credentials: Connect-BingX and every cmdlet that signs requests. Credentials come,
/// in this order, from -Credential, from -Vault/-SecretName, from the connection, or from the secret named BingX in
/// the default vault.
/// </summary>
public abstract class BingXCredentialCmdlet : BingXCmdlet
{
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

    internal int? RequestedRecvWindow => MyInvocation.BoundParameters.ContainsKey(nameof(RecvWindow)) ? RecvWindow : (int?)null;

    /// <summary>
    /// Credentials from -Credential, else from the vault (named secret, or the defaults of <paramref name="connection"/>),
    /// else the connection's own. Failures end the command with an ErrorRecord that says what to do.
    /// </summary>
    internal BingXApiCredential ResolveCredential(BingXConnection? connection, out string source)
    {
        bool vaultGiven = Vault != null || SecretName != null;
        if (Credential != null && vaultGiven)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("-Credential cannot be combined with -Vault or -SecretName: give the credentials one way."),
                BingXErrorIds.ConflictingCredentialParameters, ErrorCategory.InvalidArgument, null));
        }

        string name = SecretName ?? connection?.SecretName ?? BingXSession.DefaultSecretName;
        try
        {
            if (Credential != null)
            {
                source = "-Credential";
                BingXApiCredential given = VaultCredentialReader.FromPSCredential(Credential, source);
                given.Source = source;
                return given;
            }
            if (!vaultGiven && connection != null)
            {
                source = "Connect-BingX";
                return connection.Credential;
            }
            string? fromVault = Vault ?? connection?.Vault;
            source = fromVault == null ? $"secret '{name}' (default vault)" : $"secret '{name}' in vault '{fromVault}'";
            WriteVerbose($"Reading {source}.");
            BingXApiCredential read = VaultCredentialReader.Read(name, fromVault);
            read.Source = source;
            read.FromVault = true;
            return read;
        }
        catch (Exception ex) when (ex is VaultException || ex is CredentialShapeException)
        {
            ThrowTerminatingError(ToErrorRecord(ex, name));
            throw; // not reached: ThrowTerminatingError always throws
        }
    }
}
