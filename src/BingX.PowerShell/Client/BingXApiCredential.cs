using System.Text;

namespace BingX.PowerShell.Client;

/// <summary>An API key and its secret. The secret is kept as bytes (the HMAC key) and never rendered.</summary>
internal sealed class BingXApiCredential
{
    public BingXApiCredential(string apiKey, byte[] secretKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey)) throw new ArgumentException("The API key is empty.", nameof(apiKey));
        if (secretKey == null || secretKey.Length == 0) throw new ArgumentException("The secret key is empty.", nameof(secretKey));
        ApiKey = apiKey.Trim();
        SecretKey = secretKey;
        RedactedApiKey = Redact(ApiKey);
    }

    public BingXApiCredential(string apiKey, string secretKey)
        : this(apiKey, Encoding.UTF8.GetBytes((secretKey ?? string.Empty).Trim()))
    {
    }

    public string ApiKey { get; }

    public byte[] SecretKey { get; }

    /// <summary>
    /// Where the key came from, for advice in errors: "-Credential", or the secret and vault it was read from
    /// (null when unknown). Set once, when the credential is resolved.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>True when the key was read from a SecretManagement vault.</summary>
    public bool FromVault { get; set; }

    /// <summary>The key as it may appear in logs: first and last four characters.</summary>
    public string RedactedApiKey { get; }

    public override string ToString() => RedactedApiKey;

    public static string Redact(string apiKey) =>
        apiKey.Length >= 16 ? apiKey.Substring(0, 4) + "..." + apiKey.Substring(apiKey.Length - 4) : "****";
}
