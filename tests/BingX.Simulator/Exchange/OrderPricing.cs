using System;
using BingX.Simulator.Errors;

namespace BingX.Simulator.Exchange;

/// <summary>
/// Applies a symbol's trading rules to a new order and works out its price, stop price and quantity (truncated to
/// tickSize/stepSize) and the quote funds to reserve.
/// </summary>
public readonly record struct OrderPricing(decimal Quantity, decimal QuoteReserved, decimal? Price, decimal? StopPrice)
{
    public static OrderPricing Resolve(SymbolInfo info, OrderRequest request, decimal marketPrice)
    {
        // docs-v3 trade/order: "If the accuracy exceeds the range ... the order will still be successful, but it will
        // be truncated" (price 0.123456 with tick 0.0001 is placed at 0.1234). Checks run on the truncated values.
        var price = Truncate(request.Price, info.TickSize);
        var stopPrice = Truncate(request.StopPrice, info.TickSize);
        if (price is 0m || stopPrice is 0m)
        {
            throw ErrorCatalogue.Invalid($"price: below the tickSize {DecimalText.Format(info.TickSize)}, it truncates to 0");
        }

        // The price the notional and derived quantities are reckoned at.
        var referencePrice = OrderType.NeedsPrice(request.Type) ? price!.Value
            : request.Type == OrderType.Market ? marketPrice
            : stopPrice!.Value;

        decimal quantity;
        if (request.Quantity is { } given)
        {
            quantity = Truncate(given, info.StepSize)!.Value;
        }
        else
        {
            quantity = DecimalText.FloorToStep(request.QuoteOrderQty!.Value / referencePrice, info.StepSize);
        }

        RequireWithin(quantity, info.MinQty, info.MaxQty,
            (bound, limit) => $"quantity: {DecimalText.Format(quantity)} is {bound} quantity {DecimalText.Format(limit)}");
        var notional = request.QuoteOrderQty ?? DecimalText.Normalize(quantity * referencePrice);
        RequireWithin(notional, info.MinNotional, info.MaxNotional,
            (bound, limit) => $"the order value {DecimalText.Format(notional)} is {bound} {DecimalText.Format(limit)} {info.QuoteAsset}");

        var reserved = OrderType.NeedsPrice(request.Type)
            ? DecimalText.Normalize(quantity * price!.Value)
            : request.QuoteOrderQty ?? DecimalText.Normalize(quantity * referencePrice);
        return new OrderPricing(quantity, reserved, price, stopPrice);
    }

    /// <summary>Down to a multiple of the step; a value that already is one keeps its scale ("42000.50" stays so).</summary>
    /// <summary>Refuses a value below the minimum or above the maximum; the message names which ("is less than the minimum").</summary>
    private static void RequireWithin(decimal value, decimal minimum, decimal maximum, Func<string, decimal, string> message)
    {
        if (value < minimum)
        {
            throw ErrorCatalogue.Invalid(message("less than the minimum", minimum));
        }
        if (value > maximum)
        {
            throw ErrorCatalogue.Invalid(message("more than the maximum", maximum));
        }
    }

    private static decimal? Truncate(decimal? value, decimal step) =>
        value is not { } v ? null : DecimalText.IsMultipleOf(v, step) ? v : DecimalText.FloorToStep(v, step);
}
