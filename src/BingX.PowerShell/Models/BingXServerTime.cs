namespace BingX.PowerShell;

/// <summary>The exchange's clock compared with this machine's.</summary>
public sealed class BingXServerTime
{
    public DateTimeOffset ServerTime { get; set; }

    public DateTimeOffset LocalTime { get; set; }

    /// <summary>Server time minus local time, measured at the midpoint of the round trip.</summary>
    public TimeSpan Offset { get; set; }

    public TimeSpan RoundTrip { get; set; }

    public override string ToString() => ServerTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
}
