using BingX.PowerShell.Client;

namespace BingX.PowerShell.Session;

/// <summary>What Connect-BingX set: the defaults every cmdlet uses unless told otherwise.</summary>
internal sealed class BingXConnection
{
    public BingXConnection(Uri baseUri, BingXApiCredential credential, string? vault, string secretName, bool fromVault, int? recvWindow, TimeSpan? timeout, TimeSpan? maxRateLimitWait = null)
    {
        BaseUri = baseUri;
        Credential = credential;
        Vault = vault;
        SecretName = secretName;
        FromVault = fromVault;
        RecvWindow = recvWindow;
        Timeout = timeout;
        MaxRateLimitWait = maxRateLimitWait;
    }

    public Uri BaseUri { get; }

    public BingXApiCredential Credential { get; }

    public string? Vault { get; }

    public string SecretName { get; }

    /// <summary>False when Connect-BingX was given -Credential.</summary>
    public bool FromVault { get; }

    public int? RecvWindow { get; }

    public TimeSpan? Timeout { get; }

    /// <summary>Connect-BingX -MaxRateLimitWaitSec: the session's default for every cmdlet.</summary>
    public TimeSpan? MaxRateLimitWait { get; }
}

/// <summary>
/// Process-wide, like Connect-MgGraph: one Connect-BingX serves every runspace of the process, so
/// <c>ForEach-Object -Parallel</c> runbooks need not connect in each runspace.
/// </summary>
internal static class BingXSession
{
    public const string DefaultSecretName = "BingX";

    /// <summary>Overrides the production base URI when no Connect-BingX gave one: lets Pester users point unchanged scripts at the simulator.</summary>
    public const string BaseUriEnvironmentVariable = "BINGX_BASE_URI";

    private static BingXConnection? _current;

    public static BingXConnection? Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    public static Uri DefaultBaseUri
    {
        get
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(BaseUriEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment) && Uri.TryCreate(fromEnvironment, UriKind.Absolute, out Uri? uri))
            {
                return uri;
            }
            return BingXClientOptions.ProductionBaseUri;
        }
    }
}
