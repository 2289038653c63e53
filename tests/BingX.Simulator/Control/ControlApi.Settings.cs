using System;
using System.Text.Json;
using BingX.Simulator.RateLimiting;

namespace BingX.Simulator.Control;

/// <summary>Rate-limit settings.</summary>
public sealed partial class ControlApi
{
    private ControlResult Settings() => ControlResult.Ok(w => WriteSettings(w, state.RateLimiter.Settings));

    private ControlResult UpdateSettings(string body)
    {
        var json = JsonBody.Parse(body, "rateLimits", "violationsToDisable", "violationWindowMs", "disabledPeriodMs", "penaltyErrors", "penaltyWindowMs");
        var current = state.RateLimiter.Settings;
        var updated = current with
        {
            Enabled = json.Bool("rateLimits") ?? current.Enabled,
            ViolationsToDisable = Positive(json.Int("violationsToDisable"), "violationsToDisable") ?? current.ViolationsToDisable,
            ViolationWindowMs = Positive(json.Long("violationWindowMs"), "violationWindowMs") ?? current.ViolationWindowMs,
            DisabledPeriodMs = Positive(json.Long("disabledPeriodMs"), "disabledPeriodMs") ?? current.DisabledPeriodMs,
            PenaltyErrors = Positive(json.Int("penaltyErrors"), "penaltyErrors") ?? current.PenaltyErrors,
            PenaltyWindowMs = Positive(json.Long("penaltyWindowMs"), "penaltyWindowMs") ?? current.PenaltyWindowMs,
        };
        state.RateLimiter.Settings = updated;
        return ControlResult.Ok(w => WriteSettings(w, updated));
    }

    private static T? Positive<T>(T? value, string name) where T : struct, IComparable<T> =>
        value is { } v && v.CompareTo(default) <= 0 ? throw new ControlError(400, $"'{name}' must be more than 0") : value;

    private static void WriteSettings(Utf8JsonWriter w, RateLimitSettings settings)
    {
        w.WriteBoolean("rateLimits", settings.Enabled);
        w.WriteNumber("violationsToDisable", settings.ViolationsToDisable);
        w.WriteNumber("violationWindowMs", settings.ViolationWindowMs);
        w.WriteNumber("disabledPeriodMs", settings.DisabledPeriodMs);
        w.WriteNumber("penaltyErrors", settings.PenaltyErrors);
        w.WriteNumber("penaltyWindowMs", settings.PenaltyWindowMs);
    }
}
