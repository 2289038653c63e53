using System;

namespace BingX.Simulator.Exchange;

/// <summary>
/// Order ids like BingX's: 64-bit, beyond 2^53 (a double cannot hold them), increasing with random gaps so that
/// no test can guess the next one.
/// </summary>
public sealed class OrderIdGenerator
{
    private const long FirstId = 1735964997957275651;
    private long _last = FirstId - 1;

    /// <summary>Callers hold the exchange lock.</summary>
    public long Next()
    {
        _last += Random.Shared.NextInt64(1, 50_000_000);
        return _last;
    }
}
