using System.Diagnostics;

namespace BingX.PowerShell.Client.RateLimiting;

/// <summary>The monotonic time the pacer reads and waits on; tests give it a fake one.</summary>
internal interface IPacingClock
{
    long Ticks { get; }

    long TicksPerSecond { get; }

    Task Delay(TimeSpan delay, CancellationToken cancellationToken);
}

internal sealed class SystemPacingClock : IPacingClock
{
    public static readonly SystemPacingClock Instance = new SystemPacingClock();

    private static readonly Stopwatch Watch = Stopwatch.StartNew();

    public long Ticks => Watch.ElapsedTicks;

    public long TicksPerSecond => Stopwatch.Frequency;

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
