namespace BingX.Simulator.Control;

/// <summary>The cancel-all-after timer of an account: its state and firings, its mass-cancel duration, firing it now.</summary>
public sealed partial class ControlApi
{
    private ControlResult CancelTimer(string apiKey)
    {
        var (triggerTimeMs, busyUntilMs, massCancelMs, firings) = state.Exchange.CancelAfterState(AccountOf(apiKey));
        return ControlResult.Ok(w =>
        {
            w.WriteBoolean("armed", triggerTimeMs is not null);
            if (triggerTimeMs is { } at)
            {
                w.WriteNumber("triggerTime", at);
            }
            else
            {
                w.WriteNull("triggerTime");
            }
            w.WriteNumber("busyUntil", busyUntilMs);
            w.WriteNumber("massCancelMs", massCancelMs);
            w.WriteStartArray("firings");
            foreach (var (timeMs, canceled) in firings)
            {
                w.WriteStartObject();
                w.WriteNumber("time", timeMs);
                w.WriteStartArray("canceled");
                foreach (var id in canceled)
                {
                    w.WriteNumberValue(id);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private ControlResult SetCancelTimer(string apiKey, string body)
    {
        var account = AccountOf(apiKey);
        var json = JsonBody.Parse(body, "massCancelMs");
        var massCancelMs = json.Long("massCancelMs") ?? throw new ControlError(400, "'massCancelMs' is required");
        if (massCancelMs < 0)
        {
            throw new ControlError(400, "'massCancelMs' must be 0 or more");
        }
        state.Exchange.SetMassCancelDuration(account, massCancelMs);
        return CancelTimer(apiKey);
    }

    private ControlResult FireCancelTimer(string apiKey)
    {
        if (!state.Exchange.FireCancelAfterNow(AccountOf(apiKey)))
        {
            throw new ControlError(409, "the cancel-all-after timer of this account is not armed");
        }
        return CancelTimer(apiKey);
    }
}
