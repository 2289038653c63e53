using System;
using System.Collections.Generic;
using System.Globalization;

namespace BingX.PowerShell.Client.Json
{
    /// <summary>
    /// A parsed JSON value. Numbers keep their raw text so that 64-bit order ids and decimal amounts
    /// are converted exactly, never through a double.
    /// </summary>
    internal abstract class JsonNode
    {
        public virtual JsonNode? this[string name] => null;

        public virtual IReadOnlyList<JsonNode> Items => Array.Empty<JsonNode>();

        public virtual bool IsNull => false;

        /// <summary>The raw text of a string or number (strings unescaped), otherwise null.</summary>
        public virtual string? Text => null;
    }

    internal sealed class JsonNull : JsonNode
    {
        public static readonly JsonNull Instance = new JsonNull();

        private JsonNull() { }

        public override bool IsNull => true;
    }

    internal sealed class JsonBool : JsonNode
    {
        public static readonly JsonBool True = new JsonBool(true);
        public static readonly JsonBool False = new JsonBool(false);

        private JsonBool(bool value) => Value = value;

        public bool Value { get; }

        public override string Text => Value ? "true" : "false";
    }

    internal sealed class JsonString : JsonNode
    {
        public JsonString(string value) => Value = value;

        public string Value { get; }

        public override string Text => Value;
    }

    internal sealed class JsonNumber : JsonNode
    {
        public JsonNumber(string raw) => Raw = raw;

        /// <summary>The number exactly as it appeared in the document.</summary>
        public string Raw { get; }

        public override string Text => Raw;
    }

    internal sealed class JsonArray : JsonNode
    {
        public JsonArray(List<JsonNode> items) => ItemList = items;

        private List<JsonNode> ItemList { get; }

        public override IReadOnlyList<JsonNode> Items => ItemList;
    }

    internal sealed class JsonObject : JsonNode
    {
        private readonly List<KeyValuePair<string, JsonNode>> _members;

        public JsonObject(List<KeyValuePair<string, JsonNode>> members) => _members = members;

        public IReadOnlyList<KeyValuePair<string, JsonNode>> Members => _members;

        /// <summary>Exact-case lookup: BingX spells the same field differently per endpoint (StopPrice/stopPrice).</summary>
        public override JsonNode? this[string name]
        {
            get
            {
                foreach (KeyValuePair<string, JsonNode> member in _members)
                {
                    if (string.Equals(member.Key, name, StringComparison.Ordinal))
                    {
                        return member.Value;
                    }
                }
                return null;
            }
        }

        /// <summary>The first of the given spellings that is present.</summary>
        public JsonNode? Any(params string[] names)
        {
            foreach (string name in names)
            {
                JsonNode? value = this[name];
                if (value != null)
                {
                    return value;
                }
            }
            return null;
        }
    }

    /// <summary>Conversions that accept both the string and the number form BingX uses for the same field.</summary>
    internal static class JsonConvert
    {
        private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

        public static decimal? ToDecimal(JsonNode? node, string field)
        {
            string? text = ScalarText(node);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            if (decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out decimal value))
            {
                return value;
            }
            throw new FormatException($"The field '{field}' is not a decimal number: '{Truncate(text!)}'.");
        }

        public static long? ToInt64(JsonNode? node, string field)
        {
            string? text = ScalarText(node);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            {
                return value;
            }
            throw new FormatException($"The field '{field}' is not a 64-bit integer: '{Truncate(text!)}'.");
        }

        public static string? ToString(JsonNode? node) => ScalarText(node);

        public static bool? ToBoolean(JsonNode? node, string field)
        {
            switch (node)
            {
                case null:
                case JsonNull _:
                    return null;
                case JsonBool b:
                    return b.Value;
                default:
                    string? text = node.Text;
                    if (text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)) return true;
                    if (text == "0" || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase)) return false;
                    throw new FormatException($"The field '{field}' is not a boolean: '{Truncate(text ?? string.Empty)}'.");
            }
        }

        public static DateTimeOffset? ToTime(JsonNode? node, string field)
        {
            long? ms = ToInt64(node, field);
            if (ms == null || ms.Value <= 0)
            {
                return null;
            }
            return DateTimeOffset.FromUnixTimeMilliseconds(ms.Value);
        }

        private static string? ScalarText(JsonNode? node) => node is JsonString || node is JsonNumber || node is JsonBool ? node.Text : null;

        private static string Truncate(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
    }
}
