using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BingX.PowerShell.Client.RateLimiting;

namespace BingX.PowerShell.Tests
{
    /// <summary>The pacer on a fake clock: time moves only when the pacer waits, so every wait is exact.</summary>
    public class PacingTests
    {
        private sealed class FakeClock : IPacingClock
        {
            public long Ticks { get; set; } = 1;

            public long TicksPerSecond => 1000;

            public List<TimeSpan> Waits { get; } = new List<TimeSpan>();

            public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Waits.Add(delay);
                Ticks += (long)Math.Ceiling(delay.TotalMilliseconds);
                return Task.CompletedTask;
            }
        }

        private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

        [Fact]
        public async Task Up_to_the_limit_goes_at_once()
        {
            var clock = new FakeClock();
            var pacer = new RequestPacer(2, Window, clock);
            var told = new List<TimeSpan>();
            (await pacer.AcquireAsync(told.Add, CancellationToken.None)).Dispose();
            (await pacer.AcquireAsync(told.Add, CancellationToken.None)).Dispose();
            Assert.Empty(told);
            Assert.Empty(clock.Waits);
            Assert.Equal(1, clock.Ticks);
        }

        [Fact]
        public async Task The_next_request_waits_a_full_window_after_the_Nth_before_it_was_answered()
        {
            var clock = new FakeClock();
            var pacer = new RequestPacer(2, Window, clock);
            IDisposable first = await pacer.AcquireAsync(null, CancellationToken.None);
            clock.Ticks = 100;
            IDisposable second = await pacer.AcquireAsync(null, CancellationToken.None);
            clock.Ticks = 400;
            first.Dispose(); // answered at 400 ms
            clock.Ticks = 500;

            var told = new List<TimeSpan>();
            IDisposable third = await pacer.AcquireAsync(told.Add, CancellationToken.None);

            Assert.Equal(TimeSpan.FromMilliseconds(900), Assert.Single(told));
            Assert.True(clock.Ticks >= 1400, $"sent at {clock.Ticks} ms, before 400 + 1000");
            Assert.True(clock.Ticks <= 1402, $"sent at {clock.Ticks} ms, later than needed");
            second.Dispose();
            third.Dispose();
        }

        [Fact]
        public async Task A_request_still_in_flight_holds_the_next_one_until_it_is_answered()
        {
            var clock = new FakeClock();
            var pacer = new RequestPacer(1, Window, clock);
            IDisposable first = await pacer.AcquireAsync(null, CancellationToken.None);

            Task<IDisposable> second = pacer.AcquireAsync(null, CancellationToken.None);
            await Task.Delay(50);
            Assert.False(second.IsCompleted);

            clock.Ticks = 2000;
            first.Dispose();
            (await second).Dispose();
            Assert.True(clock.Ticks >= 3000);
        }

        [Fact]
        public async Task A_waiting_request_can_be_cancelled()
        {
            var clock = new FakeClock();
            var pacer = new RequestPacer(1, Window, clock);
            IDisposable first = await pacer.AcquireAsync(null, CancellationToken.None);
            using var cancel = new CancellationTokenSource();
            Task<IDisposable> second = pacer.AcquireAsync(null, cancel.Token);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
            first.Dispose();
            (await pacer.AcquireAsync(null, CancellationToken.None)).Dispose();
        }

        [Fact]
        public async Task Five_requests_at_two_per_window_take_two_windows_after_the_answers()
        {
            var clock = new FakeClock();
            var pacer = new RequestPacer(2, Window, clock);
            var sentAt = new List<long>();
            for (int i = 0; i < 5; i++)
            {
                using IDisposable slot = await pacer.AcquireAsync(null, CancellationToken.None);
                sentAt.Add(clock.Ticks);
            }
            // Each answer comes at once: requests 3 and 4 wait for 1 and 2 plus a window, 5 for 3 and 4.
            Assert.Equal(new long[] { 1, 1 }, sentAt.GetRange(0, 2).ToArray());
            Assert.InRange(sentAt[2], 1001, 1003);
            Assert.InRange(sentAt[4], 2001, 2006);
        }
    }
}
