using System.Collections.Generic;
using System.Linq;
using BingX.Simulator.Faults;

namespace BingX.Simulator.Recording;

/// <summary>One /openApi request as it arrived and how it was answered.</summary>
public sealed record RequestLogEntry(
    long Seq,
    long Time,
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    int Status,
    int? Code,
    string? Msg,
    string? ApiKey,
    string? Fault);

/// <summary>Every /openApi request, oldest first; bounded so a long benchmark cannot exhaust memory.</summary>
public sealed class RequestLog
{
    public const int Capacity = 100_000;

    private readonly object _gate = new();
    private readonly LinkedList<RequestLogEntry> _entries = new();
    private long _lastSeq;

    public long NextSeq()
    {
        lock (_gate)
        {
            return ++_lastSeq;
        }
    }

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            // Requests finish out of order; keep the log in arrival (seq) order.
            var node = _entries.Last;
            while (node is not null && node.Value.Seq > entry.Seq)
            {
                node = node.Previous;
            }
            if (node is null)
            {
                _entries.AddFirst(entry);
            }
            else
            {
                _entries.AddAfter(node, entry);
            }
            if (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<RequestLogEntry> Read(string? path)
    {
        lock (_gate)
        {
            return _entries.Where(e => path is null || e.Path == path).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
