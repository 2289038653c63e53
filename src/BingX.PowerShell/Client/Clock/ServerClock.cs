using System.Collections.Concurrent;

namespace BingX.PowerShell.Client;

/// <summary>
/// The exchange's clock as seen from here: local UTC plus a measured offset. One per base URI, shared by
/// every runspace of the process, so a resync after a timestamp rejection helps all of them.
/// </summary>
internal sealed class ServerClock
{
    private static readonly ConcurrentDictionary<string, ServerClock> Clocks = new ConcurrentDictionary<string, ServerClock>(StringComparer.OrdinalIgnoreCase);
    private long _offsetMs;
    private int _synchronized;

    public static ServerClock For(Uri baseUri) => Clocks.GetOrAdd(baseUri.GetLeftPart(UriPartial.Authority), _ => new ServerClock());

    /// <summary>Server time minus local time, in milliseconds.</summary>
    public long OffsetMs => Interlocked.Read(ref _offsetMs);

    public bool IsSynchronized => Volatile.Read(ref _synchronized) == 1;

    public long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + OffsetMs;

    public DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(NowMs);

    /// <summary>Records a measurement taken at the midpoint of a server/time round trip.</summary>
    public void Update(long serverMs, long localSentMs, long localReceivedMs)
    {
        long midpoint = localSentMs + ((localReceivedMs - localSentMs) / 2);
        Interlocked.Exchange(ref _offsetMs, serverMs - midpoint);
        Volatile.Write(ref _synchronized, 1);
    }

    /// <summary>Test hook: forget what was measured.</summary>
    internal static void ResetAll() => Clocks.Clear();
}
