using System;
using System.Collections.Generic;
using System.Text;

namespace BingX.Simulator.Api;

/// <summary>
/// The parameters of one request in the order they arrived: the query string first, then a form body. Values are
/// URL-decoded, because clients sign the raw values but send them encoded (ccxt sends ',' as %2C).
/// </summary>
public sealed class RequestParameters
{
    public const string SignatureName = "signature";

    private readonly List<KeyValuePair<string, string>> _pairs;

    private RequestParameters(List<KeyValuePair<string, string>> pairs)
    {
        _pairs = pairs;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public static RequestParameters Parse(string rawQuery, string? formBody)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        AddPairs(pairs, rawQuery);
        if (formBody is not null)
        {
            AddPairs(pairs, formBody);
        }
        return new RequestParameters(pairs);
    }

    /// <summary>The first value given for a name (null when absent).</summary>
    public string? Get(string name)
    {
        foreach (var pair in _pairs)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }
        return null;
    }

    /// <summary>What the signature covers: every parameter but `signature`, in the order received, decoded.</summary>
    public string SignedText()
    {
        var text = new StringBuilder();
        foreach (var pair in _pairs)
        {
            if (pair.Key == SignatureName)
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append('&');
            }
            text.Append(pair.Key).Append('=').Append(pair.Value);
        }
        return text.ToString();
    }

    private static void AddPairs(List<KeyValuePair<string, string>> pairs, string encoded)
    {
        foreach (var segment in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = segment.IndexOf('=');
            var key = equals < 0 ? segment : segment[..equals];
            var value = equals < 0 ? "" : segment[(equals + 1)..];
            pairs.Add(new(Decode(key), Decode(value)));
        }
    }

    private static string Decode(string encoded)
    {
        var spaced = encoded.Replace('+', ' ');
        try
        {
            return Uri.UnescapeDataString(spaced);
        }
        catch (UriFormatException)
        {
            return spaced;
        }
    }
}
