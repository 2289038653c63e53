using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace BingX.PowerShell.Validation;

/// <summary>
/// Normalises symbols to upper case before validation, so <c>-Symbol btc-usdt</c> works. Non-strings pass
/// through untouched for the validator to reject.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BingXSymbolTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case string text:
                return SymbolRules.Normalize(text);
            case IEnumerable items when !(value is IDictionary):
                var list = new List<object?>();
                foreach (object? item in items)
                {
                    object? inner = item is PSObject w ? w.BaseObject : item;
                    list.Add(inner is string s ? SymbolRules.Normalize(s) : inner);
                }
                return list.ToArray();
            default:
                return inputData;
        }
    }
}

/// <summary>
/// Rejects anything that is not a BingX spot symbol (<c>BASE-QUOTE</c>) with a message that shows the right form,
/// and null or an empty list (what [ValidateNotNullOrEmpty] would say), so a -Symbol needs no other validator.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateBingXSymbolAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object? value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value == null || value == System.Management.Automation.Internal.AutomationNull.Value)
        {
            throw new ValidationMetadataException("No symbol was given. Give a spot symbol such as BTC-USDT.");
        }
        if (value is string || !(value is IEnumerable items))
        {
            ValidateElement(value);
            return;
        }
        int count = 0;
        foreach (object? item in items)
        {
            ValidateElement(item);
            count++;
        }
        if (count == 0)
        {
            throw new ValidationMetadataException("The list of symbols is empty. Give a spot symbol such as BTC-USDT.");
        }
    }

    private static void ValidateElement(object? element)
    {
        object? value = element is PSObject wrapped ? wrapped.BaseObject : element;
        if (!(value is string symbol))
        {
            throw new ValidationMetadataException($"A symbol must be a string such as BTC-USDT, not {value?.GetType().Name ?? "null"}.");
        }
        string? problem = SymbolRules.Check(symbol);
        if (problem != null)
        {
            throw new ValidationMetadataException(problem);
        }
    }
}

internal static class SymbolRules
{
    // Upper-case letters and digits on both sides of one hyphen: never needs URL encoding, so it is signed as sent.
    private static readonly Regex Pattern = new Regex("^[A-Z0-9]{1,20}-[A-Z0-9]{1,20}$", RegexOptions.CultureInvariant);

    public static string Normalize(string symbol) => symbol.Trim().ToUpperInvariant();

    public static string? Check(string symbol)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            return "The symbol is empty. Give a spot symbol such as BTC-USDT.";
        }
        if (Pattern.IsMatch(symbol))
        {
            return null;
        }
        if (symbol.IndexOf('/') > 0 || symbol.IndexOf('_') > 0)
        {
            return $"'{symbol}' is not a BingX symbol: BingX writes pairs with a hyphen, e.g. {Regex.Replace(symbol, "[/_]", "-")}.";
        }
        return $"'{symbol}' is not a BingX spot symbol. Symbols are BASE-QUOTE in letters and digits, e.g. BTC-USDT.";
    }
}
