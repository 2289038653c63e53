using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace BingX.PowerShell.Client.Reading;

/// <summary>
/// Field readers over System.Text.Json that accept both the string and the number form BingX uses for the same
/// field. Numbers are read exactly (decimal and Int64, never through a double). A missing field, null or an empty
/// string reads as null; a value that is there but not of the type throws <see cref="FormatException"/>.
/// </summary>
internal static class JsonFields
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    // Field names as UTF-8, encoded once: NameEquals(string) transcodes the name again for every property it is compared with.
    private static readonly ConcurrentDictionary<string, byte[]> Utf8Names = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>Parses a whole document; the element outlives it. Malformed JSON throws <see cref="JsonException"/>.</summary>
    public static JsonElement Parse(string text)
    {
        using (JsonDocument document = JsonDocument.Parse(text))
        {
            return document.RootElement.Clone();
        }
    }

    /// <summary>
    /// The named member of an object, exact case (BingX spells the same field differently per endpoint); otherwise
    /// null. A name given twice reads as its first occurrence.
    /// </summary>
    public static JsonElement? Field(this JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        byte[] utf8Name = Utf8Names.GetOrAdd(name, n => Encoding.UTF8.GetBytes(n));
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (property.NameEquals(utf8Name))
            {
                return property.Value;
            }
        }
        return null;
    }

    /// <summary>The first of the given spellings that is present.</summary>
    public static JsonElement? Any(this JsonElement obj, params string[] names)
    {
        foreach (string name in names)
        {
            JsonElement? value = obj.Field(name);
            if (value.HasValue)
            {
                return value;
            }
        }
        return null;
    }

    public static bool IsObject(this JsonElement element) => element.ValueKind == JsonValueKind.Object;

    public static bool IsArray(this JsonElement element) => element.ValueKind == JsonValueKind.Array;

    /// <summary>Absent or JSON null.</summary>
    public static bool IsNull(this JsonElement? element) => !element.HasValue || element.Value.ValueKind == JsonValueKind.Null || element.Value.ValueKind == JsonValueKind.Undefined;

    /// <summary>An array's items; nothing for an absent value or anything that is not an array.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement? element) =>
        element.HasValue && element.Value.ValueKind == JsonValueKind.Array ? element.Value.EnumerateArray() : Enumerable.Empty<JsonElement>();

    /// <summary>
    /// The list under <paramref name="name"/> (or <paramref name="data"/> itself when it is an array), each item read by
    /// <paramref name="read"/>. An empty list, null or no list at all mean no items; anything else than a list throws.
    /// </summary>
    public static List<T> ReadList<T>(this JsonElement data, string name, Func<JsonElement, T> read)
    {
        JsonElement? list = data.IsObject() ? data.Field(name) : data.IsArray() ? data : (JsonElement?)null;
        if (list.IsNull())
        {
            return new List<T>();
        }
        if (!list!.Value.IsArray())
        {
            throw new FormatException($"'{name}' is not a list.");
        }
        return list.Value.EnumerateArray().Select(read).ToList();
    }

    /// <summary>The objects of the list under <paramref name="name"/>, each read by <paramref name="read"/>; anything else is passed over.</summary>
    public static List<T> ReadObjects<T>(this JsonElement data, string name, Func<JsonElement, T> read) =>
        data.Field(name).Items().Where(item => item.IsObject()).Select(read).ToList();

    public static decimal? ReadDecimal(this JsonElement obj, string name) => ToDecimal(obj.Field(name), name);

    public static long? ReadInt64(this JsonElement obj, string name) => ToInt64(obj.Field(name), name);

    public static string? ReadString(this JsonElement obj, string name) => ToText(obj.Field(name));

    public static bool? ReadBoolean(this JsonElement obj, string name) => ToBoolean(obj.Field(name), name);

    /// <summary>Milliseconds since the epoch; 0 or less reads as null (BingX sends 0 for "not yet").</summary>
    public static DateTimeOffset? ReadTime(this JsonElement obj, string name) => ToTime(obj.Field(name), name);

    public static decimal? ToDecimal(JsonElement? element, string field) =>
        ToNumber(element, field, "a decimal number", (JsonElement e, out decimal v) => e.TryGetDecimal(out v),
            (string t, out decimal v) => decimal.TryParse(t, DecimalStyle, CultureInfo.InvariantCulture, out v));

    public static long? ToInt64(JsonElement? element, string field) =>
        ToNumber(element, field, "a 64-bit integer", (JsonElement e, out long v) => e.TryGetInt64(out v),
            (string t, out long v) => long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));

    private delegate bool TryRead<TInput, TValue>(TInput input, out TValue value);

    /// <summary>A JSON number read exactly, or a string parsed with the invariant culture; null when absent or empty.</summary>
    private static TValue? ToNumber<TValue>(JsonElement? element, string field, string what, TryRead<JsonElement, TValue> fromNumber, TryRead<string, TValue> fromText)
        where TValue : struct
    {
        bool isNumber = element.HasValue && element.Value.ValueKind == JsonValueKind.Number;
        if (isNumber && fromNumber(element!.Value, out TValue number))
        {
            return number;
        }
        // The text only now: a number read directly needs none, and most of an order's fields are numbers.
        string? text = isNumber ? element!.Value.GetRawText() : ToText(element);
        if (!isNumber && string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!isNumber && fromText(text!, out TValue value))
        {
            return value;
        }
        throw new FormatException($"The field '{field}' is not {what}: '{Truncate(text!)}'.");
    }

    /// <summary>A string's value, a number's text exactly as sent, "true"/"false"; null for anything else.</summary>
    public static string? ToText(JsonElement? element)
    {
        if (!element.HasValue)
        {
            return null;
        }
        switch (element.Value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return element.Value.GetString();
                }
                catch (InvalidOperationException)
                {
                    // A lone surrogate escape (\ud800) cannot become a .NET string: the text as sent, escapes and all.
                    string raw = element.Value.GetRawText();
                    return raw.Substring(1, raw.Length - 2);
                }
            case JsonValueKind.Number:
                return element.Value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return null;
        }
    }

    public static bool? ToBoolean(JsonElement? element, string field)
    {
        if (element.IsNull())
        {
            return null;
        }
        switch (element!.Value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                string? text = ToText(element);
                if (text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
                if (text == "0" || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
                throw new FormatException($"The field '{field}' is not a boolean: '{Truncate(text ?? string.Empty)}'.");
        }
    }

    public static DateTimeOffset? ToTime(JsonElement? element, string field)
    {
        long? ms = ToInt64(element, field);
        if (ms == null || ms.Value <= 0)
        {
            return null;
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(ms.Value);
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
}
