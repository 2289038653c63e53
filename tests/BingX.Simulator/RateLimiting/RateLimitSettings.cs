namespace BingX.Simulator.RateLimiting;

/// <summary>
/// How the limiter behaves. Immutable: the control API swaps the whole object. The windows and thresholds are the
/// simulator's choices where BingX publishes none (see README).
/// </summary>
public sealed record RateLimitSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>Rejections by one UID on one endpoint within ViolationWindowMs that start a disabled period.</summary>
    public int ViolationsToDisable { get; init; } = 10;

    public long ViolationWindowMs { get; init; } = 10_000;

    public long DisabledPeriodMs { get; init; } = 30_000;

    /// <summary>100202 answers by one UID on one endpoint within PenaltyWindowMs that block the endpoint (seed: 20 in 480000 ms).</summary>
    public int PenaltyErrors { get; init; } = 20;

    public long PenaltyWindowMs { get; init; } = 480_000;
}
