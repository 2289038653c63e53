namespace BingX.PowerShell.Client;

/// <summary>
/// Where the client reports what it does. Called from any thread: the cmdlet side queues the messages
/// and writes them on the pipeline thread. Never pass secrets or signatures here.
/// </summary>
internal interface IBingXLog
{
    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);

    /// <summary>The client is waiting (rate limit, backoff); <paramref name="until"/> is when it will go on.</summary>
    void Waiting(string reason, DateTimeOffset until);
}

internal sealed class NullBingXLog : IBingXLog
{
    public static readonly NullBingXLog Instance = new NullBingXLog();

    public void Verbose(string message) { }

    public void Debug(string message) { }

    public void Warning(string message) { }

    public void Waiting(string reason, DateTimeOffset until) { }
}
