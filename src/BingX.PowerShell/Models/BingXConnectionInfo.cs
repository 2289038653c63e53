namespace BingX.PowerShell;

/// <summary>What Connect-BingX -PassThru reports. Holds no secret: the API key is shortened.</summary>
public sealed class BingXConnectionInfo
{
    public Uri? BaseUri { get; set; }

    /// <summary>The first and last four characters of the API key.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Where the credentials came from: the vault and secret name, or "-Credential".</summary>
    public string Source { get; set; } = string.Empty;

    public int? RecvWindow { get; set; }

    /// <summary>Server time minus local time, measured when connecting.</summary>
    public TimeSpan? ClockOffset { get; set; }

    public override string ToString() => $"{ApiKey} @ {BaseUri}";
}
