using System.Security.Cryptography;
using System.Text;

namespace BingX.PowerShell.Client.Signing;

/// <summary>
/// BingX request signing: lowercase hex HMAC-SHA256 of the parameter string, keyed with the secret.
/// Parameters are sorted by key (ordinal) and the exact string that is signed is the one sent.
/// </summary>
internal static class RequestSigner
{
    public static string Sign(byte[] secretKey, string parameterString)
    {
        using (var hmac = new HMACSHA256(secretKey))
        {
            byte[] hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(parameterString));
            return ToLowerHex(hash);
        }
    }

    /// <summary>
    /// <c>k=v&amp;k=v</c> sorted by key. Values are validated to need no URL encoding, so the signed text
    /// and the text on the wire are the same bytes (the cause of most signature failures in other clients).
    /// </summary>
    public static string BuildParameterString(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var sorted = new List<KeyValuePair<string, string>>(parameters);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var builder = new StringBuilder(128);
        foreach (KeyValuePair<string, string> parameter in sorted)
        {
            EnsureWireSafe(parameter.Key, parameter.Key);
            EnsureWireSafe(parameter.Key, parameter.Value);
            if (builder.Length > 0)
            {
                builder.Append('&');
            }
            builder.Append(parameter.Key).Append('=').Append(parameter.Value);
        }
        return builder.ToString();
    }

    private static void EnsureWireSafe(string name, string value)
    {
        foreach (char c in value)
        {
            bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~' || c == ',';
            if (!safe)
            {
                throw new ArgumentException($"The value of '{name}' contains '{c}', which would need URL encoding; BingX parameters must not.", name);
            }
        }
    }

    private static string ToLowerHex(byte[] bytes)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[i * 2] = digits[bytes[i] >> 4];
            chars[(i * 2) + 1] = digits[bytes[i] & 0xF];
        }
        return new string(chars);
    }
}
