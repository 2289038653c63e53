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
    /// process, so all runspaces (ForEach-Object -Parallel included) share these windows.
    /// The docs do not say whether "2/s" is a fixed or sliding window, so this keeps to the stricter reading:
    /// never more than N requests in any window of one second plus a margin for network jitter.
    /// </summary>
    internal static class RequestRateLimiter
    {
        /// <summary>Added to the one-second window so that jitter on the way cannot squeeze N+1 requests into a server second.</summary>
        internal static readonly TimeSpan JitterMargin = TimeSpan.FromMilliseconds(50);

        private static readonly ConcurrentDictionary<string, SlidingWindow> Windows = new ConcurrentDictionary<string, SlidingWindow>(StringComparer.Ordinal);

        /// <summary>When set (benchmarks of pure overhead), nothing waits.</summary>
        internal static bool Disabled { get; set; }

        /// <summary>Reserves the next slot for this key and endpoint and returns how long to wait before sending.</summary>
        public static TimeSpan Reserve(string apiKey, BingXEndpoint endpoint)
        {
            if (Disabled || endpoint.RequestsPerSecond <= 0)
            {
                return TimeSpan.Zero;
            }
            SlidingWindow window = Windows.GetOrAdd(apiKey + "|" + endpoint.Path, _ => new SlidingWindow(endpoint.RequestsPerSecond, TimeSpan.FromSeconds(1) + JitterMargin));
            return window.Reserve();
        }

        public static async Task WaitAsync(string apiKey, BingXEndpoint endpoint, Action<TimeSpan>? onWait, CancellationToken cancellationToken)
        {
            TimeSpan delay = Reserve(apiKey, endpoint);
            if (delay > TimeSpan.Zero)
            {
                onWait?.Invoke(delay);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Test hook.</summary>
        internal static void ResetAll() => Windows.Clear();

        private sealed class SlidingWindow
        {
            private static readonly Stopwatch Clock = Stopwatch.StartNew();
            private readonly int _limit;
            private readonly long _windowTicks;
            // Send times already handed out, oldest first; non-decreasing by construction.
            private readonly LinkedList<long> _slots = new LinkedList<long>();

            public SlidingWindow(int limit, TimeSpan window)
            {
                _limit = limit;
                _windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
            }

            public TimeSpan Reserve()
            {
                lock (_slots)
                {
                    long now = Clock.ElapsedTicks;
                    while (_slots.Count > 0 && _slots.First!.Value <= now - _windowTicks)
                    {
                        _slots.RemoveFirst();
                    }

                    long sendAt = now;
                    if (_slots.Count >= _limit)
                    {
                        // The N-th most recent slot must be a full window behind the new one.
                        LinkedListNode<long> node = _slots.Last!;
                        for (int i = 1; i < _limit; i++)
                        {
                            node = node.Previous!;
                        }
                        sendAt = Math.Max(now, node.Value + _windowTicks);
                    }
                    _slots.AddLast(sendAt);
                    return TimeSpan.FromSeconds((double)(sendAt - now) / Stopwatch.Frequency);
                }
            }
        }
    }
}
