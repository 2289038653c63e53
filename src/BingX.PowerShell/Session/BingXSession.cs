using BingX.PowerShell.Client;

namespace BingX.PowerShell.Session;

/// <summary>What Connect-BingX set: the defaults every cmdlet uses unless told otherwise.</summary>
/// <param name="BaseUri">The exchange's address.</param>
/// <param name="Credential">The key and secret, read once when connecting.</param>
/// <param name="Vault">The vault the secret was read from (null: the default vault, or -Credential).</param>
/// <param name="SecretName">The secret's name.</param>
/// <param name="RecvWindow">Connect-BingX -RecvWindow, when given.</param>
/// <param name="Timeout">Connect-BingX -TimeoutSec, when given.</param>
/// <param name="MaxRateLimitWait">Connect-BingX -MaxRateLimitWaitSec: the session's default for every cmdlet.</param>
internal sealed record BingXConnection(Uri BaseUri, BingXApiCredential Credential, string? Vault, string SecretName, int? RecvWindow,
    TimeSpan? Timeout, TimeSpan? MaxRateLimitWait);

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
