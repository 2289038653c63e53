using BingX.PowerShell.Client;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Commands;

/// <summary>Base of the cmdlets that sign requests: the client, with its credentials, is made once per invocation.</summary>
public abstract class BingXAuthenticatedCmdlet : BingXCredentialCmdlet
{
    private BingXClient? _client;

    /// <summary>The client for this invocation, created once in BeginProcessing.</summary>
    internal BingXClient Client => _client ?? throw new InvalidOperationException("BeginProcessing has not run.");

    protected override void BeginProcessing()
    {
        _client = new BingXClient(CreateAuthenticatedOptions());
    }

    internal BingXClientOptions CreateAuthenticatedOptions()
    {
        BingXConnection? connection = BingXSession.Current;
        BingXClientOptions options = CreatePublicOptions(connection);
        options.Credential = ResolveCredential(connection, out _);
        options.RecvWindow = RequestedRecvWindow ?? connection?.RecvWindow;
        return options;
    }
}
