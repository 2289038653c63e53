using System.Management.Automation;

namespace BingX.PowerShell.Validation;

/// <summary>
/// Reads an order type by name, in any case. PowerShell's own enum conversion would list <c>Unknown</c> (the
/// value for a type the exchange did not name) among the valid values: this error names only the types one can place.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BingXOrderTypeTransformationAttribute : ArgumentTransformationAttribute
{
    internal static readonly string[] PlaceableTypes = { "MARKET", "LIMIT", "TAKE_STOP_LIMIT", "TAKE_STOP_MARKET", "TRIGGER_LIMIT", "TRIGGER_MARKET" };

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = ArgumentValues.Unwrap(inputData);
        if (value is BingXOrderType)
        {
            return value;
        }
        string text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
        foreach (string name in PlaceableTypes)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return (BingXOrderType)Enum.Parse(typeof(BingXOrderType), name);
            }
        }
        throw new ArgumentTransformationMetadataException($"'{text}' is not an order type. Use one of: {string.Join(", ", PlaceableTypes)}.");
    }
}
