using System.Management.Automation;
using System.Text.RegularExpressions;

namespace BingX.PowerShell.Validation;

/// <summary>
/// Client order ids: 1 to 40 letters, digits or underscores (BingX's rule), so they never need URL encoding
/// and are signed exactly as sent.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateBingXClientOrderIdAttribute : ValidateArgumentsAttribute
{
    private static readonly Regex Pattern = new Regex("^[A-Za-z0-9_]{1,40}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Let null and empty through: piped orders without a client order id carry null or "" (the cmdlet then
    /// uses their order id, and checks the command line itself). The enumerated-arguments base class would
    /// refuse a null element before this could decide, hence the own enumeration.
    /// </summary>
    public bool AllowMissing { get; set; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        foreach (object? element in ArgumentValues.Elements(arguments))
        {
            ValidateElement(element);
        }
    }

    private void ValidateElement(object? value)
    {
        if (value == null || (value is string s && s.Length == 0))
        {
            if (AllowMissing)
            {
                return;
            }
            throw new ValidationMetadataException("A client order id is empty. Use 1 to 40 letters, digits or underscores (e.g. runbook_42).");
        }
        if (!(value is string id) || !Pattern.IsMatch(id))
        {
            throw new ValidationMetadataException($"'{value}' is not a client order id: use 1 to 40 letters, digits or underscores (e.g. runbook_42).");
        }
    }
}

/// <summary>Upper-cases asset codes before validation, so <c>-Asset usdt</c> works.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BingXAssetTransformationAttribute : UpperCaseTransformationAttribute
{
}

/// <summary>An asset (coin) code such as USDT or BTC: upper-case letters and digits.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidateBingXAssetAttribute : ValidateEnumeratedArgumentsAttribute
{
    private static readonly Regex Pattern = new Regex("^[A-Z0-9]{1,20}$", RegexOptions.CultureInvariant);

    protected override void ValidateElement(object element)
    {
        object? value = ArgumentValues.Unwrap(element);
        if (!(value is string asset) || !Pattern.IsMatch(asset))
        {
            string hint = value is string s && s.IndexOf('-') > 0 ? " That looks like a symbol; an asset is one side of it, e.g. USDT." : string.Empty;
            throw new ValidationMetadataException($"'{value}' is not an asset code: use 1 to 20 letters and digits, e.g. USDT.{hint}");
        }
    }
}

/// <summary>
/// Order ids are 64-bit integers around 1.8e18, beyond what a double holds exactly: take integers and digit
/// strings only. PowerShell's own conversion would round 1.5 to 2 and pass a double's nearest neighbour on as
/// a different order's id.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BingXOrderIdTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => ArgumentValues.Map(inputData, ToOrderId);

    private static object? ToOrderId(object? value)
    {
        switch (value)
        {
            case null:
            case long _:
            case int _:
            case short _:
            case byte _:
            case sbyte _:
            case ushort _:
            case uint _:
                return value;
            case ulong u when u <= long.MaxValue:
                return (long)u;
            case decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue:
                return (long)d;
            case string text when Regex.IsMatch(text.Trim(), "^[0-9]{1,19}$")
                && long.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id):
                return id;
            case double _:
            case float _:
                throw new ArgumentTransformationMetadataException($"{value} is a floating-point number, which cannot hold an order id exactly. Give order ids as whole numbers ([long]) or digit strings.");
            default:
                throw new ArgumentTransformationMetadataException($"'{value}' is not an order id: order ids are whole numbers such as 1735964997957275651.");
        }
    }
}
