namespace BingX.Simulator.Faults;

/// <summary>A failure a test asked for. Count is how many matching requests it still affects.</summary>
public sealed record Fault(
    long Id,
    string? Path,
    string Kind,
    int Count,
    int? Status,
    int? Code,
    string? Msg,
    string? Variant,
    int DelayMs,
    bool AfterProcessing);

public static class FaultKind
{
    public const string Delay = "delay";
    public const string Status = "status";
    public const string Html = "html";
    public const string Malformed = "malformed";
    public const string Truncated = "truncated";
    public const string Drop = "drop";
    public const string Business = "business";
    public const string Hangup = "hangup";

    public static readonly string[] All = [Delay, Status, Html, Malformed, Truncated, Drop, Business, Hangup];
}
