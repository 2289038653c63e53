using System;
using System.Security.Cryptography;
using System.Text;

namespace BingX.Simulator.Api;

/// <summary>BingX request signing: hex HMAC-SHA256 of the parameter string, keyed with the secret.</summary>
public static class Signature
{
    public static string Compute(string secretKey, string signedText)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(signedText));
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Hex in either case is accepted (BingX.Net sends upper case).</summary>
    public static bool Matches(string secretKey, string signedText, string given)
    {
        var expected = Encoding.ASCII.GetBytes(Compute(secretKey, signedText));
        var actual = Encoding.ASCII.GetBytes(given.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
