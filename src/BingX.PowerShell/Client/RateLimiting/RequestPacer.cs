namespace BingX.PowerShell.Client.RateLimiting;

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
    private readonly long _holdCapTicks;
    private readonly IPacingClock _clock;

    // One caller at a time decides when it may send, in arrival order (SemaphoreSlim queues async waiters
    // first in, first out), so no runspace can starve another.
    private readonly SemaphoreSlim _turnstile = new SemaphoreSlim(1, 1);

    // The last _limit requests sent, oldest first. Only touched while holding the turnstile.
    private readonly Queue<Slot> _recent = new Queue<Slot>();

    // Until when the exchange's own headers asked this key to pause (clock ticks; 0: no pause).
    private long _pausedUntilTicks;

    // answerHoldCap: a request still unanswered this long after it was sent counts as arrived.
    public RequestPacer(int limit, TimeSpan window, TimeSpan answerHoldCap, IPacingClock clock)
    {
        _limit = limit;
        _clock = clock;
        _windowTicks = ToTicks(window);
        _holdCapTicks = ToTicks(answerHoldCap);
    }

    /// <summary>The next request waits until <paramref name="resumeIn"/> from now has passed (a later pause wins).</summary>
    public void Hold(TimeSpan resumeIn)
    {
        long until = _clock.Ticks + ToTicks(resumeIn);
        long seen;
        while ((seen = Interlocked.Read(ref _pausedUntilTicks)) < until
            && Interlocked.CompareExchange(ref _pausedUntilTicks, until, seen) != seen)
        {
        }
    }

    public async Task<IDisposable> AcquireAsync(Action<TimeSpan>? onWait, CancellationToken cancellationToken)
    {
        await _turnstile.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            bool told = false;
            long pausedUntil = Interlocked.Read(ref _pausedUntilTicks);
            if (pausedUntil > _clock.Ticks)
            {
                TimeSpan pause = ToSpan(pausedUntil - _clock.Ticks);
                told = true;
                onWait?.Invoke(pause);
                await DelayAsync(pause, cancellationToken).ConfigureAwait(false);
            }
            while (_recent.Count >= _limit)
            {
                Slot oldest = _recent.Peek();
                // Still in flight: wait for its answer, but no longer than the hold cap after it was sent.
                long countedBy = oldest.SentAtTicks + _holdCapTicks;
                await WaitOrCancelAsync(oldest.Answered, countedBy, cancellationToken).ConfigureAwait(false);
                long arrived = oldest.Answered.IsCompleted ? Math.Min(oldest.AnsweredAtTicks, countedBy) : countedBy;
                long due = arrived + _windowTicks;
                long now = _clock.Ticks;
                if (due <= now)
                {
                    break;
                }
                TimeSpan delay = ToSpan(due - now);
                if (!told)
                {
                    told = true;
                    onWait?.Invoke(delay);
                }
                // The loop checks again after the wait.
                await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Waits for <paramref name="task"/> until the clock reaches <paramref name="untilTicks"/>, or cancellation.</summary>
    private async Task WaitOrCancelAsync(Task task, long untilTicks, CancellationToken cancellationToken)
    {
        long remaining = untilTicks - _clock.Ticks;
        if (task.IsCompleted || remaining <= 0)
        {
            return;
        }
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var timeUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
        {
            Task cap = DelayAsync(ToSpan(remaining), timeUp.Token);
            Task first = await Task.WhenAny(task, cap, cancelled.Task).ConfigureAwait(false);
            timeUp.Cancel();
            if (first == cancelled.Task)
            {
                await first.ConfigureAwait(false);
            }
        }
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TicksPerSecond);

    private TimeSpan ToSpan(long ticks) => TimeSpan.FromSeconds((double)ticks / _clock.TicksPerSecond);

    /// <summary>Timers may fire a little early: every wait is a millisecond longer than asked.</summary>
    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => _clock.Delay(delay + TimeSpan.FromMilliseconds(1), cancellationToken);

    /// <summary>One request's place in its endpoint's window: answered when disposed.</summary>
    private sealed class Slot : IDisposable
    {
        private readonly IPacingClock _clock;

        private readonly TaskCompletionSource<bool> _answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _answeredAtTicks;

        public Slot(IPacingClock clock)
        {
            _clock = clock;
            SentAtTicks = clock.Ticks;
        }

        /// <summary>When the slot was handed out, just before the request is sent.</summary>
        public long SentAtTicks { get; }

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
