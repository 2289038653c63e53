using System.Diagnostics;
using System.Text.Json;
using BingX.PowerShell.Client.Reading;
using static BingX.PowerShell.Client.FailureWording;

namespace BingX.PowerShell.Client;

/// <summary>
/// The clock stage: one server/time round trip, its reading applied to the <see cref="ServerClock"/> at the
/// round trip's midpoint. Retrying a failed reading is the caller's choice, not this stage's.
/// </summary>
internal static class ClockSync
{
    /// <summary>Sends server/time once (through <paramref name="sendServerTime"/>) and times it on the local clock.</summary>
    public static async Task<ClockReading> ReadAsync(Func<Task<JsonElement>> sendServerTime)
    {
        long sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var watch = Stopwatch.StartNew();
        JsonElement data = await sendServerTime().ConfigureAwait(false);
        long received = sent + watch.ElapsedMilliseconds;
        return new ClockReading(ReadServerTime(data), sent, received);
    }

    /// <summary>The <c>serverTime</c> of a server/time answer's data.</summary>
    public static long ReadServerTime(JsonElement data)
    {
        long? serverMs;
        try
        {
            serverMs = data.ReadInt64("serverTime");
        }
        catch (FormatException ex)
        {
            throw EnvelopeReader.InvalidResponse(BingXEndpoint.ServerTime, 200, "serverTime is not a number", ex);
        }
        if (serverMs == null)
        {
            throw EnvelopeReader.InvalidResponse(BingXEndpoint.ServerTime, 200, "it has no serverTime", null);
        }
        return serverMs.Value;
    }

    /// <summary>Records the reading on <paramref name="clock"/> and describes it.</summary>
    public static BingXServerTime Apply(ServerClock clock, ClockReading reading, IBingXLog log)
    {
        clock.Update(reading.ServerMs, reading.SentMs, reading.ReceivedMs);
        long roundTrip = reading.ReceivedMs - reading.SentMs;
        log.Verbose(Invariant($"Server clock offset {clock.OffsetMs} ms (round trip {roundTrip} ms)."));
        return new BingXServerTime
        {
            ServerTime = DateTimeOffset.FromUnixTimeMilliseconds(reading.ServerMs),
            LocalTime = DateTimeOffset.FromUnixTimeMilliseconds(reading.SentMs + (roundTrip / 2)),
            Offset = TimeSpan.FromMilliseconds(clock.OffsetMs),
            RoundTrip = TimeSpan.FromMilliseconds(roundTrip),
        };
    }
}

/// <summary>A server/time answer and when it was asked for and received, on the local clock.</summary>
internal readonly record struct ClockReading(long ServerMs, long SentMs, long ReceivedMs);
