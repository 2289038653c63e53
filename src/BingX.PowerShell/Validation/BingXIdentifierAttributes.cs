using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace BingX.PowerShell.Validation
{
    /// <summary>
    /// Client order ids: 1 to 40 letters, digits or underscores (BingX's rule), so they never need URL encoding
    /// and are signed exactly as sent.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateBingXClientOrderIdAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private static readonly Regex Pattern = new Regex("^[A-Za-z0-9_]{1,40}$", RegexOptions.CultureInvariant);

        protected override void ValidateElement(object element)
        {
            object? value = element is PSObject wrapped ? wrapped.BaseObject : element;
            if (!(value is string id) || !Pattern.IsMatch(id))
            {
                throw new ValidationMetadataException($"'{value}' is not a client order id: use 1 to 40 letters, digits or underscores (e.g. runbook_42).");
            }
        }

        internal static bool IsValid(string? id) => id != null && Pattern.IsMatch(id);
    }

    /// <summary>Upper-cases text before validation, so <c>-Asset usdt</c> works. Non-strings pass through for the validator.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class BingXAssetTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    return text.Trim().ToUpperInvariant();
                case IEnumerable items when !(value is IDictionary):
                    var list = new List<object?>();
                    foreach (object? item in items)
                    {
                        object? inner = item is PSObject w ? w.BaseObject : item;
                        list.Add(inner is string s ? s.Trim().ToUpperInvariant() : inner);
                    }
                    return list.ToArray();
                default:
                    return inputData;
            }
        }
    }

    /// <summary>An asset (coin) code such as USDT or BTC: upper-case letters and digits.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateBingXAssetAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private static readonly Regex Pattern = new Regex("^[A-Z0-9]{1,20}$", RegexOptions.CultureInvariant);

        protected override void ValidateElement(object element)
        {
            object? value = element is PSObject wrapped ? wrapped.BaseObject : element;
            if (!(value is string asset) || !Pattern.IsMatch(asset))
            {
                string hint = value is string s && s.IndexOf('-') > 0 ? " That looks like a symbol; an asset is one side of it, e.g. USDT." : string.Empty;
                throw new ValidationMetadataException($"'{value}' is not an asset code: use 1 to 20 letters and digits, e.g. USDT.{hint}");
            }
        }
    }
}
