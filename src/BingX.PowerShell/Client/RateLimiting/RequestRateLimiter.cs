using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace BingX.PowerShell.Client.RateLimiting
{
    /// <summary>
    /// Keeps every API key under the documented per-endpoint rate, process-wide: the module is loaded once per
    /// process, so all runspaces (ForEach-Object -Parallel included) share these pacers.
    /// </summary>
    /// <remarks>
    /// The docs do not say whether "2/s" is a fixed or a sliding window, so this keeps to the stricter reading: never
    /// more than N requests in any window of one second as the exchange sees them. Send times alone cannot promise
    /// that: a request that was slow to arrive (a new TLS connection, a busy thread pool) lands closer to the next
    /// one than it was sent. So a request may go only once the N-th request before it has been <em>answered</em>
    /// and a full window has passed since: the exchange handled that one before it answered, and handles the new
    /// one after it is sent, so the two are at least a window apart on the exchange's side whatever the latency.
    /// One slow answer must not hold every runspace on the key until it times out, though: a request still unanswered
    /// <see cref="AnswerHoldCap"/> after it was sent counts as having arrived then (it has surely reached the
    /// exchange by then, or never will), and the next one goes a window after that.
    /// </remarks>
    internal static class RequestRateLimiter
    {
        /// <summary>The window the exchange counts in.</summary>
        internal static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

        /// <summary>The longest a request's missing answer holds the requests behind it (then it counts as arrived).</summary>
        internal static readonly TimeSpan AnswerHoldCap = TimeSpan.FromSeconds(3);

        /// <summary>Added to the window for clock granularity on either side.</summary>
        internal static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(20);

        private static readonly ConcurrentDictionary<string, EndpointPacer> Pacers = new ConcurrentDictionary<string, EndpointPacer>(StringComparer.Ordinal);

        /// <summary>When set (benchmarks of pure overhead), nothing waits.</summary>
        internal static bool Disabled { get; set; }

        /// <summary>
        /// Waits for this key's turn on this endpoint and returns the slot the request occupies. Dispose the slot as
        /// soon as the answer (or the failure) is in: the requests queued behind it are timed from that moment.
        /// <paramref name="onWait"/> is told how long the caller will wait, when it has to.
        /// </summary>
        public static Task<IDisposable> AcquireAsync(string apiKey, BingXEndpoint endpoint, Action<TimeSpan>? onWait, CancellationToken cancellationToken)
        {
            if (Disabled || endpoint.RequestsPerSecond <= 0)
            {
                return Task.FromResult<IDisposable>(Slot.None);
            }
            EndpointPacer pacer = Pacers.GetOrAdd(apiKey + "|" + endpoint.Path, _ => new EndpointPacer(endpoint.RequestsPerSecond, Window + SafetyMargin));
            return pacer.AcquireAsync(onWait, cancellationToken);
        }

        /// <summary>
        /// The exchange said this key's window for the endpoint is used up (X-RateLimit-Requests-Remain: 0), e.g. by
        /// another program on the same key: the next request on it waits until <paramref name="resumeIn"/> has passed.
        /// </summary>
        public static void HoldFor(string apiKey, BingXEndpoint endpoint, TimeSpan resumeIn)
        {
            if (Disabled || endpoint.RequestsPerSecond <= 0 || resumeIn <= TimeSpan.Zero)
            {
                return;
            }
            EndpointPacer pacer = Pacers.GetOrAdd(apiKey + "|" + endpoint.Path, _ => new EndpointPacer(endpoint.RequestsPerSecond, Window + SafetyMargin));
            pacer.Hold(resumeIn);
        }

        /// <summary>Test hook.</summary>
        internal static void ResetAll() => Pacers.Clear();

        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        private sealed class EndpointPacer
        {
            private readonly int _limit;
            private readonly long _windowTicks;
            private readonly long _holdCapTicks = (long)(AnswerHoldCap.TotalSeconds * Stopwatch.Frequency);

            // One caller at a time decides when it may send, in arrival order (SemaphoreSlim queues async waiters
            // first in, first out), so no runspace can starve another.
            private readonly SemaphoreSlim _turnstile = new SemaphoreSlim(1, 1);

            // The last _limit requests sent, oldest first. Only touched while holding the turnstile.
            private readonly Queue<Slot> _recent = new Queue<Slot>();

            public EndpointPacer(int limit, TimeSpan window)
            {
                _limit = limit;
                _windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
            }

            // Until when the exchange's own headers asked this key to pause (Stopwatch ticks; 0: no hold).
            private long _heldUntilTicks;

            public void Hold(TimeSpan resumeIn)
            {
                long until = Clock.ElapsedTicks + (long)(resumeIn.TotalSeconds * Stopwatch.Frequency);
                long seen;
                while ((seen = Interlocked.Read(ref _heldUntilTicks)) < until
                    && Interlocked.CompareExchange(ref _heldUntilTicks, until, seen) != seen)
                {
                }
            }

            public async Task<IDisposable> AcquireAsync(Action<TimeSpan>? onWait, CancellationToken cancellationToken)
            {
                await _turnstile.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    bool told = false;
                    long pausedUntil = Interlocked.Read(ref _heldUntilTicks);
                    if (pausedUntil > Clock.ElapsedTicks)
                    {
                        TimeSpan hold = TimeSpan.FromSeconds((double)(pausedUntil - Clock.ElapsedTicks) / Stopwatch.Frequency);
                        told = true;
                        onWait?.Invoke(hold);
                        await Task.Delay(hold + TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                    }
                    while (_recent.Count >= _limit)
                    {
                        Slot oldest = _recent.Peek();
                        // Still in flight: wait for its answer, but no longer than the hold cap after it was sent.
                        long countedBy = oldest.SentAtTicks + _holdCapTicks;
                        await WaitOrCancelAsync(oldest.Answered, countedBy, cancellationToken).ConfigureAwait(false);
                        long arrived = oldest.Answered.IsCompleted ? Math.Min(oldest.AnsweredAtTicks, countedBy) : countedBy;
                        long due = arrived + _windowTicks;
                        long now = Clock.ElapsedTicks;
                        if (due <= now)
                        {
                            break;
                        }
                        TimeSpan delay = TimeSpan.FromSeconds((double)(due - now) / Stopwatch.Frequency);
                        if (!told)
                        {
                            told = true;
                            onWait?.Invoke(delay);
                        }
                        // Timers may fire a little early: the loop checks again.
                        await Task.Delay(delay + TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                    }

                    var slot = new Slot();
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

            /// <summary>Waits for <paramref name="task"/> until the clock reaches <paramref name="untilTicks"/>, or cancellation.</summary>
            private static async Task WaitOrCancelAsync(Task task, long untilTicks, CancellationToken cancellationToken)
            {
                long remaining = untilTicks - Clock.ElapsedTicks;
                if (task.IsCompleted || remaining <= 0)
                {
                    return;
                }
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (var timeUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
                {
                    Task cap = Task.Delay(TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency) + TimeSpan.FromMilliseconds(1), timeUp.Token);
                    Task first = await Task.WhenAny(task, cap, cancelled.Task).ConfigureAwait(false);
                    timeUp.Cancel();
                    if (first == cancelled.Task)
                    {
                        await first.ConfigureAwait(false);
                    }
                }
            }
        }

        /// <summary>One request's place in its endpoint's window: answered when disposed.</summary>
        private sealed class Slot : IDisposable
        {
            public static readonly Slot None = new Slot();

            private readonly TaskCompletionSource<bool> _answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            private long _answeredAtTicks;

            /// <summary>When the slot was handed out, just before the request is sent.</summary>
            public long SentAtTicks { get; } = Clock.ElapsedTicks;

            public Task Answered => _answered.Task;

            public long AnsweredAtTicks => Interlocked.Read(ref _answeredAtTicks);

            public void Dispose()
            {
                // The time first: whoever wakes on the task reads it.
                if (Interlocked.CompareExchange(ref _answeredAtTicks, Clock.ElapsedTicks, 0) == 0)
                {
                    _answered.TrySetResult(true);
                }
            }
        }
    }
}
