using System;
using System.Collections.Generic;
using BingX.Simulator.Errors;

namespace BingX.Simulator.RateLimiting;

/// <summary>
/// BingX's limits: per UID per endpoint (N per any 1000 ms), per IP per group, the disabled period after repeated
/// violations and the 100202 penalty. Sliding windows run on a monotonic clock; the disabled period and the penalty
/// run on the server clock, because their ends are told to the client as server epochs (and a test may move that
/// clock to end them).
/// </summary>
public sealed class RateLimiter
{
    private const long IpWindowMs = 10_000;
    private const int PublicPerIp = 500;
    private const int PrivatePerIpTotal = 2000;
    private const int PrivatePerIpEndpoint = 300;

    private readonly object _gate = new();
    private readonly Dictionary<(long Uid, string Path), EndpointState> _endpoints = new();
    private readonly Dictionary<string, SlidingWindow> _publicByIp = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingWindow> _privateByIp = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Ip, string Path), SlidingWindow> _privateByIpEndpoint = new();
    private readonly RateLimitSettings _startup;
    private RateLimitSettings _settings;

    public RateLimiter(RateLimitSettings startup)
    {
        _startup = startup;
        _settings = startup;
    }

    /// <summary>Setting new values restarts every window, period and penalty (their lengths may have changed).</summary>
    public RateLimitSettings Settings
    {
        get { lock (_gate) { return _settings; } }
        set
        {
            lock (_gate)
            {
                _settings = value;
                _endpoints.Clear();
            }
        }
    }

    /// <summary>Forgets every window, period and penalty and restores the start-up settings.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _endpoints.Clear();
            _publicByIp.Clear();
            _privateByIp.Clear();
            _privateByIpEndpoint.Clear();
            _settings = _startup;
        }
    }

    /// <summary>Admits a signed request or says why not. Rejected requests do not use up the window.</summary>
    public BingXError? CheckPrivate(long uid, string path, int perSecond, string ip, long serverNowMs)
    {
        lock (_gate)
        {
            if (!_settings.Enabled)
            {
                return null;
            }
            var now = Environment.TickCount64;
            var state = StateOf(uid, path, perSecond);

            if (serverNowMs < state.DisabledUntil)
            {
                return new BingXError(ErrorCatalogue.RateLimited, ErrorCatalogue.DisabledPeriodMsg(state.DisabledUntil));
            }
            if (state.InsufficientBalance.Count(serverNowMs) >= _settings.PenaltyErrors)
            {
                var retryAfter = state.InsufficientBalance.Oldest + _settings.PenaltyWindowMs;
                return new BingXError(ErrorCatalogue.RateLimited, ErrorCatalogue.PenaltyMsg(retryAfter));
            }
            if (state.Accepted.IsFull(now))
            {
                state.Violations.Add(now);
                if (state.Violations.Count(now) >= _settings.ViolationsToDisable)
                {
                    state.DisabledUntil = serverNowMs + _settings.DisabledPeriodMs;
                    state.Violations.Clear();
                }
                return new BingXError(ErrorCatalogue.RateLimited, ErrorCatalogue.RateLimitedMsg);
            }

            var ipTotal = WindowOf(_privateByIp, ip, PrivatePerIpTotal);
            var ipEndpoint = WindowOf(_privateByIpEndpoint, (ip, path), PrivatePerIpEndpoint);
            if (ipTotal.IsFull(now) || ipEndpoint.IsFull(now))
            {
                return new BingXError(ErrorCatalogue.RateLimited, ErrorCatalogue.RateLimitedMsg);
            }

            state.Accepted.Add(now);
            ipTotal.Add(now);
            ipEndpoint.Add(now);
            return null;
        }
    }

    /// <summary>Public endpoints: IP group 1 only.</summary>
    public BingXError? CheckPublic(string ip)
    {
        lock (_gate)
        {
            if (!_settings.Enabled)
            {
                return null;
            }
            var now = Environment.TickCount64;
            var window = WindowOf(_publicByIp, ip, PublicPerIp);
            if (window.IsFull(now))
            {
                return new BingXError(ErrorCatalogue.RateLimited, ErrorCatalogue.RateLimitedMsg);
            }
            window.Add(now);
            return null;
        }
    }

    /// <summary>
    /// What the X-RateLimit-Requests-Remain/-Expire headers report after a signed request: requests left in this
    /// UID's window for the endpoint, and milliseconds until the oldest one counted leaves it. Null when limits are off.
    /// </summary>
    public (int Remain, long ExpireMs)? PrivateBudget(long uid, string path, int perSecond)
    {
        lock (_gate)
        {
            return _settings.Enabled ? BudgetOf(StateOf(uid, path, perSecond).Accepted) : null;
        }
    }

    /// <summary>The same for a public request: this IP's group-1 window (500 per 10 s).</summary>
    public (int Remain, long ExpireMs)? PublicBudget(string ip)
    {
        lock (_gate)
        {
            return _settings.Enabled ? BudgetOf(WindowOf(_publicByIp, ip, PublicPerIp)) : null;
        }
    }

    private static (int, long) BudgetOf(SlidingWindow window)
    {
        var now = Environment.TickCount64;
        var count = window.Count(now);
        var expire = count == 0 ? window.WindowMs : Math.Max(0, window.Oldest + window.WindowMs - now);
        return (Math.Max(0, window.Limit - count), expire);
    }

    /// <summary>Counts a 100202 answer towards the penalty of that UID and endpoint.</summary>
    public void RecordInsufficientBalance(long uid, string path, int perSecond, long serverNowMs)
    {
        lock (_gate)
        {
            if (_settings.Enabled)
            {
                StateOf(uid, path, perSecond).InsufficientBalance.Add(serverNowMs);
            }
        }
    }

    private EndpointState StateOf(long uid, string path, int perSecond)
    {
        if (!_endpoints.TryGetValue((uid, path), out var state))
        {
            state = new EndpointState(
                new SlidingWindow(perSecond, 1000),
                new SlidingWindow(int.MaxValue, _settings.ViolationWindowMs),
                new SlidingWindow(int.MaxValue, _settings.PenaltyWindowMs));
            _endpoints[(uid, path)] = state;
        }
        return state;
    }

    private static SlidingWindow WindowOf<TKey>(Dictionary<TKey, SlidingWindow> windows, TKey key, int limit)
        where TKey : notnull
    {
        if (!windows.TryGetValue(key, out var window))
        {
            window = new SlidingWindow(limit, IpWindowMs);
            windows[key] = window;
        }
        return window;
    }

    private sealed class EndpointState(SlidingWindow accepted, SlidingWindow violations, SlidingWindow insufficientBalance)
    {
        public SlidingWindow Accepted { get; } = accepted;

        public SlidingWindow Violations { get; } = violations;

        /// <summary>Server-clock times of 100202 answers.</summary>
        public SlidingWindow InsufficientBalance { get; } = insufficientBalance;

        public long DisabledUntil { get; set; }
    }
}
