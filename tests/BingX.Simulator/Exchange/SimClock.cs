using System;

namespace BingX.Simulator.Exchange;

/// <summary>The exchange's clock: real time plus an offset, or a fixed instant. Timestamps and unblock epochs use it.</summary>
public sealed class SimClock
{
    private readonly object _gate = new();
    private long _offsetMs;
    private long? _fixedMs;

    public long NowMs()
    {
        lock (_gate)
        {
            return _fixedMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + _offsetMs;
        }
    }

    public void SetOffset(long offsetMs)
    {
        lock (_gate)
        {
            _offsetMs = offsetMs;
            _fixedMs = null;
        }
    }

    public void SetFixed(long fixedMs)
    {
        lock (_gate)
        {
            _fixedMs = fixedMs;
            _offsetMs = 0;
        }
    }

    public void SetReal() => SetOffset(0);
}
