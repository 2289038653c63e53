namespace BingX.PowerShell;

/// <summary>The state of the exchange's dead man's switch (trade/cancelAllAfter), as BingX reported it.</summary>
public sealed class BingXCancelTimer
{
    /// <summary>ACTIVATED or CLOSED (a FAILED answer is reported as an error, never returned).</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>When the exchange cancels every open spot order unless re-armed (UTC); null once closed.</summary>
    public DateTimeOffset? TriggerTime { get; set; }

    /// <summary>The same instant on this computer's clock, for people reading it.</summary>
    public DateTime? FiresAt => TriggerTime?.LocalDateTime;

    /// <summary>The countdown that was asked for, in seconds; 0 for a close.</summary>
    public int Seconds { get; set; }

    /// <summary>The exchange's explanation.</summary>
    public string? Note { get; set; }

    public override string ToString() => TriggerTime.HasValue ? $"{Status} {FiresAt:yyyy-MM-dd HH:mm:ss}" : Status;
}
