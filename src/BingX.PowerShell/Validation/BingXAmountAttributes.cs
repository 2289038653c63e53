using System.Management.Automation;

namespace BingX.PowerShell.Validation;

/// <summary>
/// Reads text amounts strictly: invariant culture, a point as the decimal separator, no thousands separators.
/// PowerShell's own conversion reads "0,5" as 5, which would place an order ten times too big; here it is an
/// error. Numbers (0.5, 0.5d) pass through to PowerShell's conversion unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BingXAmountTransformationAttribute : ArgumentTransformationAttribute
{
    private const NumberStyles Strict = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = ArgumentValues.Unwrap(inputData);
        if (!(value is string text))
        {
            return inputData;
        }
        if (decimal.TryParse(text, Strict, CultureInfo.InvariantCulture, out decimal amount))
        {
            return amount;
        }
        string hint = text.IndexOf(',') >= 0
            ? " Write amounts with a point as the decimal separator and no thousands separator (e.g. 0.5), whatever the culture."
            : " Give a number such as 0.001.";
        throw new ArgumentTransformationMetadataException($"'{text}' is not an amount.{hint}");
    }
}

/// <summary>Amounts and prices must be more than zero.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ValidatePositiveAmountAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object? value = ArgumentValues.Unwrap(arguments);
        if (value == null)
        {
            return;
        }
        if (!(value is decimal amount))
        {
            throw new ValidationMetadataException($"'{value}' is not an amount.");
        }
        if (amount <= 0)
        {
            throw new ValidationMetadataException($"{amount.ToString(CultureInfo.InvariantCulture)} is not more than zero. Amounts and prices must be positive.");
        }
    }
}
