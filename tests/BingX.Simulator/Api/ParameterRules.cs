using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using BingX.Simulator.Errors;
using BingX.Simulator.Exchange;

namespace BingX.Simulator.Api;

/// <summary>Reads and checks request parameters; every malformed value is a 100400 naming the parameter.</summary>
public static partial class ParameterRules
{
    [GeneratedRegex("^[A-Z0-9]+-[A-Z0-9]+$")]
    private static partial Regex SymbolPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex ClientOrderIdPattern();

    private static readonly string[] TimesInForce = ["GTC", "IOC", "FOK", "PostOnly"];
    private static readonly string[] CancelRestrictions = [OrderStatus.New, OrderStatus.Pending, OrderStatus.PartiallyFilled];

    /// <summary>A well-formed symbol the exchange lists (100400 when malformed, 100204 when unknown).</summary>
    public static string RequiredSymbol(TradeContext context) =>
        OptionalSymbol(context) ?? throw ErrorCatalogue.Missing("symbol");

    public static string? OptionalSymbol(TradeContext context)
    {
        var symbol = context.Parameters.Get("symbol");
        if (string.IsNullOrEmpty(symbol))
        {
            return null;
        }
        if (!SymbolPattern().IsMatch(symbol))
        {
            throw ErrorCatalogue.Invalid($"symbol: '{symbol}' is not a valid trading pair, use the form BASE-QUOTE (e.g. BTC-USDT)");
        }
        if (context.Exchange.Symbols.Find(symbol) is null)
        {
            throw new BingXError(ErrorCatalogue.NoSuchSymbol, ErrorCatalogue.NoSuchSymbolMsg);
        }
        return symbol;
    }

    public static string RequiredChoice(RequestParameters parameters, string name, IReadOnlyCollection<string> choices)
    {
        var value = parameters.Get(name);
        if (string.IsNullOrEmpty(value))
        {
            throw ErrorCatalogue.Missing(name);
        }
        return choices.Contains(value) ? value : throw ErrorCatalogue.Invalid($"{name}: '{value}' is not one of {string.Join(", ", choices)}");
    }

    public static string? OptionalChoice(RequestParameters parameters, string name, IReadOnlyCollection<string> choices) =>
        string.IsNullOrEmpty(parameters.Get(name)) ? null : RequiredChoice(parameters, name, choices);

    public static string TimeInForce(RequestParameters parameters) => OptionalChoice(parameters, "timeInForce", TimesInForce) ?? "GTC";

    public static string? CancelRestriction(RequestParameters parameters) => OptionalChoice(parameters, "cancelRestrictions", CancelRestrictions);

    /// <summary>A positive plain decimal ("0.001"; not "1e-3", "-1" or "0").</summary>
    public static decimal? PositiveDecimal(RequestParameters parameters, string name)
    {
        var text = parameters.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!DecimalText.TryParse(text, out var value) || value <= 0)
        {
            throw ErrorCatalogue.Invalid($"{name}: '{text}' is not a positive number");
        }
        return value;
    }

    /// <summary>A whole number ("10", "-1"; not "1.5" or "ten"); null when absent.</summary>
    public static long? OptionalInteger(RequestParameters parameters, string name)
    {
        var text = parameters.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ErrorCatalogue.Invalid($"{name}: '{text}' is not an integer");
    }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>; null when absent.</summary>
    public static long? IntegerWithin(RequestParameters parameters, string name, long minimum, long maximum)
    {
        var value = OptionalInteger(parameters, name);
        return value is null || (value >= minimum && value <= maximum)
            ? value
            : throw ErrorCatalogue.Invalid($"{name}: {value} must be {minimum} to {maximum}");
    }

    public static long? OrderId(RequestParameters parameters, string name = "orderId")
    {
        var text = parameters.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return ParseOrderId(name, text);
    }

    /// <summary>The one order a cancel or a query names: by orderId, else by clientOrderID; one of them is required.</summary>
    public static (long? OrderId, string? ClientOrderId) OrderReference(RequestParameters parameters)
    {
        var orderId = OrderId(parameters);
        var clientOrderId = orderId is null ? ClientOrderId(parameters, "clientOrderID") : null;
        if (orderId is null && clientOrderId is null)
        {
            throw ErrorCatalogue.Invalid("orderId or clientOrderID: one of them is required");
        }
        return (orderId, clientOrderId);
    }

    public static long ParseOrderId(string name, string text)
    {
        if (!text.All(char.IsAsciiDigit) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw ErrorCatalogue.Invalid($"{name}: '{text}' is not an order id");
        }
        return id;
    }

    public static string? ClientOrderId(RequestParameters parameters, string name)
    {
        var text = parameters.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return ClientOrderIdPattern().IsMatch(text)
            ? text
            : throw ErrorCatalogue.Invalid($"{name}: '{text}' must be 1 to 40 letters, digits, '_' or '-'");
    }

    /// <summary>A comma-joined list ("a,b,c"), at least one item.</summary>
    public static IReadOnlyList<string>? List(RequestParameters parameters, string name)
    {
        var text = parameters.Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var items = text.Split(',');
        if (items.Any(string.IsNullOrWhiteSpace))
        {
            throw ErrorCatalogue.Invalid($"{name}: '{text}' has an empty item");
        }
        return items;
    }
}
