using BingX.Simulator.Control;
using BingX.Simulator.Exchange;
using BingX.Simulator.RateLimiting;
using BingX.Simulator.Faults;
using BingX.Simulator.Recording;

namespace BingX.Simulator;

/// <summary>Everything the simulator remembers; the composition root the HTTP handlers share.</summary>
public sealed class SimulatorState
{
    public SimulatorState(RateLimitSettings startupLimits)
    {
        Exchange = new SpotExchange(new SymbolCatalog());
        RateLimiter = new RateLimiter(startupLimits);
    }

    public SimClock Clock { get; } = new();

    public SpotExchange Exchange { get; }

    public RateLimiter RateLimiter { get; }

    public FaultStore Faults { get; } = new();

    public RequestLog RequestLog { get; } = new();

    /// <summary>POST /_sim/reset: back to how the process started.</summary>
    public void Reset()
    {
        Exchange.Reset();
        RateLimiter.Reset();
        Faults.Clear();
        RequestLog.Clear();
        Clock.SetReal();
    }
}
