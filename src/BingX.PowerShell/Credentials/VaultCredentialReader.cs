using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Net;
using System.Security;
using BingX.PowerShell.Client;

namespace BingX.PowerShell.Credentials;

/// <summary>
/// Reads the API key and secret through SecretManagement's public command, module-qualified, exactly as
/// documented: <c>Microsoft.PowerShell.SecretManagement\Get-Secret -Name &lt;name&gt; [-Vault &lt;vault&gt;]</c>.
/// Every failure becomes an ErrorRecord that says what to do. Nothing here ever renders the secret.
/// </summary>
internal static class VaultCredentialReader
{
    internal const string GetSecretCommand = "Microsoft.PowerShell.SecretManagement\\Get-Secret";
    internal const string GetSecretVaultCommand = "Microsoft.PowerShell.SecretManagement\\Get-SecretVault";

    public static BingXApiCredential Read(string secretName, string? vault)
    {
        string where = vault == null ? "the default vault" : $"vault '{vault}'";
        Collection<PSObject> results;
        bool noVaultRegistered;
        using (var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace))
        {
            ps.AddCommand(GetSecretCommand).AddParameter("Name", secretName);
            if (vault != null)
            {
                ps.AddParameter("Vault", vault);
            }
            try
            {
                results = ps.Invoke();
            }
            catch (CommandNotFoundException ex)
            {
                throw NotInstalled(ex);
            }
            catch (RuntimeException ex)
            {
                // -ErrorAction Stop in the caller's scope turns Get-Secret's error into an exception.
                throw NoVaultIfSo(Classify(ex.ErrorRecord, secretName, vault, where), ps);
            }
            noVaultRegistered = ps.Streams.Warning.Count > 0
                && ps.Streams.Warning[0].Message.IndexOf("no extension vaults registered", StringComparison.OrdinalIgnoreCase) >= 0;
            if (ps.HadErrors && ps.Streams.Error.Count > 0)
            {
                throw NoVaultIfSo(Classify(ps.Streams.Error[0], secretName, vault, where), ps);
            }
        }

        if (results.Count == 0 || results[0] == null)
        {
            throw noVaultRegistered || NoVaultRegistered() ? NoVault(null) : SecretNotFound(secretName, vault, where, null);
        }
        return FromSecret(results[0].BaseObject, secretName, where);
    }

    /// <summary>
    /// With no vault registered, Get-Secret warns and then reports GetSecretNotFound, whose advice (Set-Secret)
    /// cannot work: that failure becomes BingXVaultNotFound.
    /// </summary>
    private static Exception NoVaultIfSo(Exception failure, System.Management.Automation.PowerShell getSecret)
    {
        if (!(failure is VaultException notFound) || notFound.ErrorId != BingXErrorIds.SecretNotFound)
        {
            return failure;
        }
        bool warned = getSecret.Streams.Warning.Count > 0
            && getSecret.Streams.Warning[0].Message.IndexOf("no extension vaults registered", StringComparison.OrdinalIgnoreCase) >= 0;
        return warned || NoVaultRegistered() ? NoVault(null) : failure;
    }

    /// <summary>
    /// True when SecretManagement has no vault registered: its documented Get-SecretVault then returns nothing
    /// (PowerShell/SecretManagement, GetSecretVaultCommand: it lists the registered vaults and writes no warning or error).
    /// </summary>
    private static bool NoVaultRegistered()
    {
        using (var ps = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace))
        {
            ps.AddCommand(GetSecretVaultCommand);
            try
            {
                return ps.Invoke().Count == 0 && !ps.HadErrors;
            }
            catch (RuntimeException)
            {
                return false;
            }
        }
    }

    /// <summary>A PSCredential: user name = API key, password = secret key.</summary>
    public static BingXApiCredential FromPSCredential(PSCredential credential, string source)
    {
        string apiKey = credential.UserName ?? string.Empty;
        string secret = credential.GetNetworkCredential().Password ?? string.Empty;
        if (apiKey.Trim().Length == 0 || secret.Trim().Length == 0)
        {
            throw new CredentialShapeException($"The credential from {source} has an empty {(apiKey.Trim().Length == 0 ? "user name (the API key)" : "password (the secret key)")}.");
        }
        return new BingXApiCredential(apiKey, secret);
    }

    private static BingXApiCredential FromSecret(object secret, string secretName, string where)
    {
        string source = $"secret '{secretName}' in {where}";
        switch (secret)
        {
            case PSCredential credential:
                return FromPSCredential(credential, source);
            case IDictionary table:
                string? apiKey = ReadEntry(table, "ApiKey");
                string? secretKey = ReadEntry(table, "SecretKey");
                if (string.IsNullOrWhiteSpace(apiKey) || string.IsNullOrWhiteSpace(secretKey))
                {
                    throw new CredentialShapeException($"The hashtable {source} needs non-empty 'ApiKey' and 'SecretKey' entries (or store a PSCredential: user name = API key, password = secret key).{ShapeAdvice(secretName)}");
                }
                return new BingXApiCredential(apiKey!, secretKey!);
            default:
                string type = secret is SecureString ? "SecureString" : secret is string ? "String" : secret.GetType().Name;
                throw new CredentialShapeException($"The {source} is a {type}; a BingX secret must be a PSCredential (user name = API key, password = secret key) or a hashtable with ApiKey and SecretKey.{ShapeAdvice(secretName)}");
        }
    }

    private static string? ReadEntry(IDictionary table, string name)
    {
        foreach (DictionaryEntry entry in table)
        {
            if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                switch (value)
                {
                    case string text:
                        return text;
                    case SecureString secure:
                        return new NetworkCredential(string.Empty, secure).Password;
                    default:
                        return null;
                }
            }
        }
        return null;
    }

    private static string ShapeAdvice(string secretName) =>
        $" Store it with: Set-Secret -Name {secretName} -Secret (Get-Credential -UserName '<API key>' -Message 'BingX secret key')";

    private static Exception Classify(ErrorRecord error, string secretName, string? vault, string where)
    {
        string id = error.FullyQualifiedErrorId ?? string.Empty;
        string message = error.Exception?.Message ?? error.ToString();
        if (error.Exception is CommandNotFoundException || id.StartsWith("CommandNotFoundException", StringComparison.Ordinal)
            || id.StartsWith("Modules_ModuleNotFound", StringComparison.Ordinal))
        {
            return NotInstalled(error.Exception);
        }
        // Ids and wordings of the real module and SecretStore: see tests/SecretManagement/README.md.
        if (id.IndexOf("PasswordRequiredException", StringComparison.Ordinal) >= 0
            || error.Exception?.GetType().Name == "PasswordRequiredException"
            || Contains(message, "password is required"))
        {
            return new VaultException(BingXErrorIds.VaultLocked, ErrorCategory.AuthenticationError,
                $"The vault holding secret '{secretName}' ({where}) is locked. Unlock it first: Unlock-SecretStore (interactive), or in a runbook " +
                "Unlock-SecretStore -Password <SecureString from a protected source>; for other vaults, Unlock-SecretVault -Name <vault>.", error.Exception);
        }
        if (id.StartsWith("GetSecretVaultNotFound", StringComparison.Ordinal) || Contains(message, "Vault not found in registry"))
        {
            return new VaultException(BingXErrorIds.VaultNotFound, ErrorCategory.ObjectNotFound,
                $"The vault '{vault}' does not exist. Get-SecretVault lists the registered vaults; pass one of them to -Vault.", error.Exception);
        }
        if (Contains(message, "no extension vaults registered"))
        {
            return NoVault(error.Exception);
        }
        if (id.StartsWith("GetSecretNotFound", StringComparison.Ordinal) || Contains(message, "was not found"))
        {
            return SecretNotFound(secretName, vault, where, error.Exception);
        }
        return new VaultException(BingXErrorIds.SecretReadFailed, ErrorCategory.ReadError,
            $"Reading secret '{secretName}' from {where} failed: {message}", error.Exception);
    }

    private static Exception NoVault(Exception? inner) =>
        new VaultException(BingXErrorIds.VaultNotFound, ErrorCategory.ObjectNotFound,
            "No SecretManagement vault is registered. Register one, e.g. Install-PSResource Microsoft.PowerShell.SecretStore; " +
            "Register-SecretVault -Name BingXVault -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault — or pass -Credential.", inner);

    private static Exception SecretNotFound(string secretName, string? vault, string where, Exception? inner) =>
        new VaultException(BingXErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound,
            $"The secret '{secretName}' was not found in {where}. Store the API key and secret with: " +
            $"Set-Secret -Name {secretName} -Secret (Get-Credential -UserName '<API key>' -Message 'BingX secret key'){(vault != null ? " -Vault " + vault : string.Empty)}" +
            " — or pass -SecretName / -Vault / -Credential.", inner);

    private static Exception NotInstalled(Exception? inner) =>
        new VaultException(BingXErrorIds.SecretManagementNotInstalled, ErrorCategory.NotInstalled,
            "Microsoft.PowerShell.SecretManagement is not installed, so the BingX credentials cannot be read from a vault. " +
            "Install it (and a vault): Install-PSResource Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore — or pass -Credential.", inner);

    private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
}

/// <summary>A vault failure with its stable ErrorId.</summary>
internal sealed class VaultException : Exception
{
    public VaultException(string errorId, ErrorCategory category, string message, Exception? inner)
        // The inner error's text is already folded into the message where useful; keep it off the chain so no vault text leaks twice.
        : base(message)
    {
        ErrorId = errorId;
        Category = category;
        _ = inner;
    }

    public string ErrorId { get; }

    public ErrorCategory Category { get; }
}

/// <summary>The secret exists but is not a usable BingX credential.</summary>
internal sealed class CredentialShapeException : Exception
{
    public CredentialShapeException(string message) : base(message) { }
}
