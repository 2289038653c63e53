using System.Collections.Generic;
using System.Threading;

namespace BingX.Simulator.Exchange;

/// <summary>
/// One account's dead man's switch (trade/cancelAllAfter). A real timer: when it fires, the account's open orders are
/// cancelled. Mutated only by <see cref="SpotExchange"/> under its lock.
/// </summary>
public sealed class CancelAfterTimer
{
    /// <summary>The running countdown; null when not armed.</summary>
    public Timer? Countdown { get; set; }

    /// <summary>When the countdown fires (server ms); null when not armed.</summary>
    public long? TriggerTimeMs { get; set; }

    /// <summary>While a fired mass cancel "runs", ACTIVATE and CLOSE are refused (documented). Server ms.</summary>
    public long BusyUntilMs { get; set; }

    /// <summary>How long a fired mass cancel takes (control API); 0 by default.</summary>
    public long MassCancelMs { get; set; }

    /// <summary>Every firing: when, and the ids of the orders it cancelled.</summary>
    public List<(long TimeMs, IReadOnlyList<long> Canceled)> Firings { get; } = new();
}
