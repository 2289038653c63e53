using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BingX.PowerShell.Client.RateLimiting;

namespace BingX.PowerShell.Tests;

/// <summary>The pacer on a fake clock: time moves only when the pacer waits, so every wait is exact.</summary>
public class PacingTests
{
    private sealed class FakeClock : IPacingClock
    {
        public long Ticks { get; set; } = 1;

        public long TicksPerSecond => 1000;

        public List<TimeSpan> Waits { get; } = new List<TimeSpan>();

        /// <summary>Time stands still: a wait ends only when it is cancelled.</summary>
        public bool Frozen { get; set; }

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Frozen)
            {
                return Task.Delay(Timeout.Infinite, cancellationToken);
            }
            Waits.Add(delay);
            Ticks += (long)Math.Ceiling(delay.TotalMilliseconds);
            return Task.CompletedTask;
        }
    }

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan HoldCap = TimeSpan.FromSeconds(3);

    /// <summary>xUnit makes a new instance for every test: each test has its own clock.</summary>
    private readonly FakeClock _clock = new();

    private RequestPacer NewPacer(int perWindow) => new(perWindow, Window, HoldCap, _clock);

    [Fact]
    public async Task Up_to_the_limit_goes_at_once()
    {
        var pacer = NewPacer(2);
        var told = new List<TimeSpan>();
        (await pacer.AcquireAsync(told.Add, CancellationToken.None)).Dispose();
        (await pacer.AcquireAsync(told.Add, CancellationToken.None)).Dispose();
        Assert.Empty(told);
        Assert.Empty(_clock.Waits);
        Assert.Equal(1, _clock.Ticks);
    }

    [Fact]
    public async Task The_next_request_waits_a_full_window_after_the_Nth_before_it_was_answered()
    {
        var pacer = NewPacer(2);
        IDisposable first = await pacer.AcquireAsync(null, CancellationToken.None);
        _clock.Ticks = 100;
        IDisposable second = await pacer.AcquireAsync(null, CancellationToken.None);
        _clock.Ticks = 400;
        first.Dispose(); // answered at 400 ms
        _clock.Ticks = 500;

        var told = new List<TimeSpan>();
        IDisposable third = await pacer.AcquireAsync(told.Add, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(900), Assert.Single(told));
        Assert.True(_clock.Ticks >= 1400, $"sent at {_clock.Ticks} ms, before 400 + 1000");
        Assert.True(_clock.Ticks <= 1402, $"sent at {_clock.Ticks} ms, later than needed");
        second.Dispose();
        third.Dispose();
    }

    [Fact]
    public async Task A_request_still_in_flight_counts_as_arrived_at_the_hold_cap_and_the_next_goes_a_window_later()
    {
        var pacer = NewPacer(1);
        IDisposable first = await pacer.AcquireAsync(null, CancellationToken.None); // sent at 1 ms, never answered

        var told = new List<TimeSpan>();
        IDisposable second = await pacer.AcquireAsync(told.Add, CancellationToken.None);

        // The fake clock jumps through the cap (3 s after 1 ms) and then a window: not a moment earlier.
        Assert.InRange(_clock.Ticks, 4001, 4004);
        Assert.Single(told);
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task An_answer_before_the_cap_starts_the_window_from_the_answer()
    {
        var pacer = NewPacer(1);
        IDisposable first = await pacer.AcquireAsync(null, CancellationToken.None);
        _clock.Ticks = 2000;
        first.Dispose(); // answered at 2000 ms, inside the cap
        (await pacer.AcquireAsync(null, CancellationToken.None)).Dispose();
        Assert.InRange(_clock.Ticks, 3000, 3002);
    }

    [Fact]
    public async Task A_pause_the_exchange_asked_for_delays_the_next_request_and_a_later_pause_wins()
    {
        var pacer = NewPacer(5);
        pacer.Hold(TimeSpan.FromMilliseconds(700));
        pacer.Hold(TimeSpan.FromMilliseconds(300)); // shorter: ignored
        var told = new List<TimeSpan>();
        (await pacer.AcquireAsync(told.Add, CancellationToken.None)).Dispose();
        Assert.Equal(TimeSpan.FromMilliseconds(700), Assert.Single(told));
        Assert.InRange(_clock.Ticks, 701, 703);
        (await pacer.AcquireAsync(told.Add, CancellationToken.None)).Dispose();
        Assert.Single(told); // the pause is over; under the limit the next goes at once
    }

    [Fact]
    public async Task A_waiting_request_can_be_cancelled()
    {
        var pacer = NewPacer(1);
        IDisposable first = await pacer.AcquireAsync(null, CancellationToken.None);
        _clock.Frozen = true; // the second request waits (for the answer or the hold cap) until it is cancelled
        using var cancel = new CancellationTokenSource();
        Task<IDisposable> second = pacer.AcquireAsync(null, cancel.Token);
        Assert.False(second.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        _clock.Frozen = false;
        first.Dispose();
        (await pacer.AcquireAsync(null, CancellationToken.None)).Dispose();
    }

    [Fact]
    public async Task Five_requests_at_two_per_window_take_two_windows_after_the_answers()
    {
        var pacer = NewPacer(2);
        var sentAt = new List<long>();
        for (int i = 0; i < 5; i++)
        {
            using IDisposable slot = await pacer.AcquireAsync(null, CancellationToken.None);
            sentAt.Add(_clock.Ticks);
        }
        // Each answer comes at once: requests 3 and 4 wait for 1 and 2 plus a window, 5 for 3 and 4.
        Assert.Equal(new long[] { 1, 1 }, sentAt.GetRange(0, 2).ToArray());
        Assert.InRange(sentAt[2], 1001, 1003);
        Assert.InRange(sentAt[4], 2001, 2006);
    }
}
