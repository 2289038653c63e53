using System.Collections.Generic;
using System.Linq;

namespace BingX.Simulator.Faults;

/// <summary>Pending faults, applied in the order they were added; each consumed once per matching request.</summary>
public sealed class FaultStore
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = new();
    private long _lastId;

    public long Add(Fault fault)
    {
        lock (_gate)
        {
            var id = ++_lastId;
            _faults.Add(fault with { Id = id });
            return id;
        }
    }

    /// <summary>Takes one use of the first fault for this path (or for any path), if there is one.</summary>
    public Fault? Take(string path)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => f.Path is null || f.Path == path);
            if (index < 0)
            {
                return null;
            }
            var fault = _faults[index];
            if (fault.Count <= 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = fault with { Count = fault.Count - 1 };
            }
            return fault;
        }
    }

    public IReadOnlyList<Fault> All()
    {
        lock (_gate)
        {
            return _faults.ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }
}
