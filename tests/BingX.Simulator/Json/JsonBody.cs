using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using BingX.Simulator.Exchange;

namespace BingX.Simulator;

/// <summary>A control-API request body: a JSON object whose members are read by name. Bad input throws ControlError(400).</summary>
public sealed class JsonBody
{
    private readonly Dictionary<string, JsonElement> _members;

    private JsonBody(Dictionary<string, JsonElement> members)
    {
        _members = members;
    }

    /// <summary>An empty body counts as {}.</summary>
    public static JsonBody Parse(string text, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonBody(new(StringComparer.Ordinal));
        }
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ControlError(400, "the body is not valid JSON: " + e.Message);
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ControlError(400, "the body must be a JSON object");
        }
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (allowed.Length > 0 && !allowed.Contains(property.Name))
            {
                throw new ControlError(400, $"unknown property '{property.Name}' (allowed: {string.Join(", ", allowed)})");
            }
            members[property.Name] = property.Value;
        }
        return new JsonBody(members);
    }

    public bool Has(string name) => _members.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? String(string name)
    {
        if (!Has(name))
        {
            return null;
        }
        var value = _members[name];
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ControlError(400, $"'{name}' must be a string");
    }

    public string RequiredString(string name)
    {
        var value = String(name);
        return string.IsNullOrEmpty(value) ? throw new ControlError(400, $"'{name}' is required") : value;
    }

    /// <summary>A decimal given as a string ("0.001", keeps its scale) or as a JSON number.</summary>
    public decimal? Decimal(string name) => Has(name) ? ToDecimal(name, _members[name]) : null;

    public long? Long(string name)
    {
        if (!Has(name))
        {
            return null;
        }
        var value = _members[name];
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new ControlError(400, $"'{name}' must be an integer");
    }

    public int? Int(string name)
    {
        var value = Long(name);
        return value is null ? null
            : value is >= int.MinValue and <= int.MaxValue ? (int)value
            : throw new ControlError(400, $"'{name}' is out of range");
    }

    public bool? Bool(string name)
    {
        if (!Has(name))
        {
            return null;
        }
        var value = _members[name];
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ControlError(400, $"'{name}' must be true or false"),
        };
    }

    public IReadOnlyList<string>? StringArray(string name)
    {
        if (!Has(name))
        {
            return null;
        }
        var value = _members[name];
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new ControlError(400, $"'{name}' must be an array of strings");
        }
        return value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    /// <summary>An object of name → decimal, e.g. balances {"USDT":"1000"}.</summary>
    public IReadOnlyDictionary<string, decimal> DecimalMap(string name) =>
        Has(name) ? ToDecimalMap(_members[name], name) : new Dictionary<string, decimal>();

    /// <summary>The whole body as name → decimal (POST /_sim/prices, /balances).</summary>
    public IReadOnlyDictionary<string, decimal> AsDecimalMap() =>
        _members.ToDictionary(m => m.Key, m => ToDecimal(m.Key, m.Value), StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, decimal> ToDecimalMap(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ControlError(400, $"'{name}' must be an object like {{\"USDT\":\"1000\"}}");
        }
        return value.EnumerateObject().ToDictionary(p => p.Name, p => ToDecimal($"{name}.{p.Name}", p.Value), StringComparer.Ordinal);
    }

    private static decimal ToDecimal(string name, JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (text is not null && DecimalText.TryParse(text, out var result))
        {
            return result;
        }
        if (text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && result >= 0)
        {
            return result;
        }
        throw new ControlError(400, $"'{name}' must be a non-negative decimal (a string like \"0.001\" or a number)");
    }
}

/// <summary>A control-API request the simulator refuses: answered with this status and {"error": message}.</summary>
public sealed class ControlError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
