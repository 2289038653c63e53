using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace BingX.PowerShell.Client.Json
{
    /// <summary>The response body is not well-formed JSON (truncated, HTML, garbage).</summary>
    internal sealed class JsonFormatException : FormatException
    {
        public JsonFormatException(string message, int position)
            : base($"{message} at character {position}.")
        {
            Position = position;
        }

        public int Position { get; }
    }

    /// <summary>
    /// A strict RFC 8259 parser for response bodies. Small on purpose: it keeps number text verbatim
    /// (exact int64 and decimal conversion) and brings no dependency into the PowerShell process.
    /// </summary>
    internal sealed class JsonParser
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _pos;

        private JsonParser(string text) => _text = text;

        public static JsonNode Parse(string text)
        {
            var parser = new JsonParser(text);
            parser.SkipWhitespace();
            JsonNode value = parser.ParseValue(0);
            parser.SkipWhitespace();
            if (parser._pos != text.Length)
            {
                throw new JsonFormatException("Unexpected content after the JSON value", parser._pos);
            }
            return value;
        }

        private JsonNode ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new JsonFormatException("JSON nested too deeply", _pos);
            }
            if (_pos >= _text.Length)
            {
                throw new JsonFormatException("Unexpected end of JSON", _pos);
            }
            char c = _text[_pos];
            switch (c)
            {
                case '{': return ParseObject(depth);
                case '[': return ParseArray(depth);
                case '"': return new JsonString(ParseString());
                case 't': Expect("true"); return JsonBool.True;
                case 'f': Expect("false"); return JsonBool.False;
                case 'n': Expect("null"); return JsonNull.Instance;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }
                    throw new JsonFormatException($"Unexpected character '{c}'", _pos);
            }
        }

        private JsonObject ParseObject(int depth)
        {
            _pos++; // {
            var members = new List<KeyValuePair<string, JsonNode>>();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return new JsonObject(members);
            }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw new JsonFormatException("Expected a property name", _pos);
                }
                string name = ParseString();
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw new JsonFormatException("Expected ':'", _pos);
                }
                _pos++;
                SkipWhitespace();
                members.Add(new KeyValuePair<string, JsonNode>(name, ParseValue(depth + 1)));
                SkipWhitespace();
                char next = Peek();
                _pos++;
                if (next == '}')
                {
                    return new JsonObject(members);
                }
                if (next != ',')
                {
                    throw new JsonFormatException("Expected ',' or '}'", _pos - 1);
                }
            }
        }

        private JsonArray ParseArray(int depth)
        {
            _pos++; // [
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                return new JsonArray(items);
            }
            while (true)
            {
                SkipWhitespace();
                items.Add(ParseValue(depth + 1));
                SkipWhitespace();
                char next = Peek();
                _pos++;
                if (next == ']')
                {
                    return new JsonArray(items);
                }
                if (next != ',')
                {
                    throw new JsonFormatException("Expected ',' or ']'", _pos - 1);
                }
            }
        }

        private string ParseString()
        {
            _pos++; // opening quote
            int start = _pos;
            // Fast path: no escapes.
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '"')
                {
                    string plain = _text.Substring(start, _pos - start);
                    _pos++;
                    return plain;
                }
                if (c == '\\')
                {
                    break;
                }
                if (c < 0x20)
                {
                    throw new JsonFormatException("Control character in string", _pos);
                }
                _pos++;
            }

            var builder = new StringBuilder(_text, start, _pos - start, (_pos - start) + 16);
            while (_pos < _text.Length)
            {
                char c = _text[_pos++];
                if (c == '"')
                {
                    return builder.ToString();
                }
                if (c < 0x20)
                {
                    throw new JsonFormatException("Control character in string", _pos - 1);
                }
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }
                if (_pos >= _text.Length)
                {
                    break;
                }
                char escape = _text[_pos++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw new JsonFormatException("Invalid \\u escape", _pos);
                        }
                        builder.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw new JsonFormatException($"Invalid escape '\\{escape}'", _pos - 1);
                }
            }
            throw new JsonFormatException("Unterminated string", _pos);
        }

        private JsonNumber ParseNumber()
        {
            int start = _pos;
            if (Peek() == '-') _pos++;
            if (Peek() == '0')
            {
                _pos++;
            }
            else if (!ReadDigits())
            {
                throw new JsonFormatException("Invalid number", start);
            }
            if (Peek() == '.')
            {
                _pos++;
                if (!ReadDigits()) throw new JsonFormatException("Invalid number", start);
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-') _pos++;
                if (!ReadDigits()) throw new JsonFormatException("Invalid number", start);
            }
            return new JsonNumber(_text.Substring(start, _pos - start));
        }

        private bool ReadDigits()
        {
            int start = _pos;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                _pos++;
            }
            return _pos > start;
        }

        private void Expect(string literal)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                throw new JsonFormatException($"Expected '{literal}'", _pos);
            }
            _pos += literal.Length;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }
                _pos++;
            }
        }
    }
}
