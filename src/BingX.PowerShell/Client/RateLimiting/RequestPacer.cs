using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace BingX.PowerShell.Client.RateLimiting
{
    /// <summary>
    /// Paces one API key on one endpoint: a request may go only once the N-th request before it has been answered
    /// and a full window has passed since (see <see cref="RequestRateLimiter"/> for why).
    /// </summary>
    internal sealed class RequestPacer
    {
        /// <summary>Disposed by nobody: what a request that is not paced occupies.</summary>
        public static readonly IDisposable NoSlot = new Slot(SystemPacingClock.Instance);

        private readonly int _limit;
        private readonly long _windowTicks;
        private readonly IPacingClock _clock;

        // One caller at a time decides when it may send, in arrival order (SemaphoreSlim queues async waiters
        // first in, first out), so no runspace can starve another.
        private readonly SemaphoreSlim _turnstile = new SemaphoreSlim(1, 1);

        // The last _limit requests sent, oldest first. Only touched while holding the turnstile.
        private readonly Queue<Slot> _recent = new Queue<Slot>();

        public RequestPacer(int limit, TimeSpan window, IPacingClock clock)
        {
            _limit = limit;
            _clock = clock;
            _windowTicks = (long)(window.TotalSeconds * clock.TicksPerSecond);
        }

        public async Task<IDisposable> AcquireAsync(Action<TimeSpan>? onWait, CancellationToken cancellationToken)
        {
            await _turnstile.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                bool told = false;
                while (_recent.Count >= _limit)
                {
                    Slot oldest = _recent.Peek();
                    // Still in flight: nothing is known about when the exchange will count it; wait for its answer.
                    await WaitOrCancelAsync(oldest.Answered, cancellationToken).ConfigureAwait(false);
                    long due = oldest.AnsweredAtTicks + _windowTicks;
                    long now = _clock.Ticks;
                    if (due <= now)
                    {
                        break;
                    }
                    TimeSpan delay = TimeSpan.FromSeconds((double)(due - now) / _clock.TicksPerSecond);
                    if (!told)
                    {
                        told = true;
                        onWait?.Invoke(delay);
                    }
                    // Timers may fire a little early: the loop checks again.
                    await _clock.Delay(delay + TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                }

                var slot = new Slot(_clock);
                _recent.Enqueue(slot);
                if (_recent.Count > _limit)
                {
                    _recent.Dequeue();
                }
                return slot;
            }
            finally
            {
                _turnstile.Release();
            }
        }

        private static async Task WaitOrCancelAsync(Task task, CancellationToken cancellationToken)
        {
            if (task.IsCompleted)
            {
                return;
            }
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
            {
                await (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        /// <summary>One request's place in its endpoint's window: answered when disposed.</summary>
        private sealed class Slot : IDisposable
        {
            private readonly IPacingClock _clock;

            private readonly TaskCompletionSource<bool> _answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private long _answeredAtTicks;

            public Slot(IPacingClock clock) => _clock = clock;

            public Task Answered => _answered.Task;

            public long AnsweredAtTicks => Interlocked.Read(ref _answeredAtTicks);

            public void Dispose()
            {
                // The time first: whoever wakes on the task reads it.
                if (Interlocked.CompareExchange(ref _answeredAtTicks, _clock.Ticks, 0) == 0)
                {
                    _answered.TrySetResult(true);
                }
            }
        }
    }
}
