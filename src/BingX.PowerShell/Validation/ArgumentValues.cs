using System.Collections;
using System.Management.Automation;

namespace BingX.PowerShell.Validation;

/// <summary>
/// How the module's parameter attributes read what the binder hands them: a value may come wrapped in a PSObject,
/// and a parameter that takes a list gets either one value or a list of them.
/// </summary>
internal static class ArgumentValues
{
    public static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    /// <summary>The values one by one, unwrapped: the value itself, or the items of a list (a string is one value).</summary>
    public static IEnumerable<object?> Elements(object? arguments)
    {
        object? value = Unwrap(arguments);
        if (value is string || !(value is IEnumerable items))
        {
            yield return value;
            yield break;
        }
        foreach (object? item in items)
        {
            yield return Unwrap(item);
        }
    }

    /// <summary>
    /// <paramref name="each"/> applied to the value, or to every item of a list (then an array of the results). A string
    /// and a dictionary are one value.
    /// </summary>
    public static object? Map(object? arguments, Func<object?, object?> each)
    {
        object? value = Unwrap(arguments);
        if (value is string || value is IDictionary || !(value is IEnumerable items))
        {
            return each(value);
        }
        var list = new List<object?>();
        foreach (object? item in items)
        {
            list.Add(each(Unwrap(item)));
        }
        return list.ToArray();
    }
}

/// <summary>
/// Trims and upper-cases text (each text of a list) before validation, so <c>-Symbol btc-usdt</c> and <c>-Asset usdt</c>
/// work. Anything else passes through untouched for the validator to reject.
/// </summary>
internal abstract class UpperCaseTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        ArgumentValues.Map(inputData, value => value is string text ? Normalize(text) : value);

    internal static string Normalize(string text) => text.Trim().ToUpperInvariant();
}
