using System.Management.Automation;
using System.Text.RegularExpressions;

namespace BingX.PowerShell.Validation;

/// <summary>Upper-cases symbols before validation, so <c>-Symbol btc-usdt</c> works.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BingXSymbolTransformationAttribute : UpperCaseTransformationAttribute
{
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
        object? value = ArgumentValues.Unwrap(arguments);
        if (value == null || value == System.Management.Automation.Internal.AutomationNull.Value)
        {
            throw new ValidationMetadataException("No symbol was given. Give a spot symbol such as BTC-USDT.");
        }
        int count = 0;
        foreach (object? element in ArgumentValues.Elements(value))
        {
            ValidateElement(element);
            count++;
        }
        if (count == 0)
        {
            throw new ValidationMetadataException("The list of symbols is empty. Give a spot symbol such as BTC-USDT.");
        }
    }

    private static void ValidateElement(object? value)
    {
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
