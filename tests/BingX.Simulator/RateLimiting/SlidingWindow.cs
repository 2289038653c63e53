using System.Collections.Generic;

namespace BingX.Simulator.RateLimiting;

/// <summary>At most Limit events in any WindowMs: a true sliding window (not fixed one-second buckets). Not thread-safe.</summary>
public sealed class SlidingWindow
{
    private readonly Queue<long> _events = new();

    public SlidingWindow(int limit, long windowMs)
    {
        Limit = limit;
        WindowMs = windowMs;
    }

    public int Limit { get; }

    public long WindowMs { get; }

    public bool IsFull(long nowMs)
    {
        Prune(nowMs);
        return _events.Count >= Limit;
    }

    public void Add(long nowMs) => _events.Enqueue(nowMs);

    public int Count(long nowMs)
    {
        Prune(nowMs);
        return _events.Count;
    }

    /// <summary>When the oldest event in the window happened (only meaningful when Count &gt; 0).</summary>
    public long Oldest => _events.Peek();

    public void Clear() => _events.Clear();

    private void Prune(long nowMs)
    {
        while (_events.Count > 0 && _events.Peek() <= nowMs - WindowMs)
        {
            _events.Dequeue();
        }
    }
}
