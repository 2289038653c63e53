using BingX.Simulator.Errors;

namespace BingX.Simulator.Exchange;

/// <summary>Applies a symbol's trading rules to a new order and works out its quantity and the quote funds to reserve.</summary>
public readonly record struct OrderPricing(decimal Quantity, decimal QuoteReserved)
{
    public static OrderPricing Resolve(SymbolInfo info, OrderRequest request, decimal marketPrice)
    {
        CheckTick("price", request.Price, info.TickSize);
        CheckTick("stopPrice", request.StopPrice, info.TickSize);

        // The price the notional and derived quantities are reckoned at.
        var referencePrice = OrderType.NeedsPrice(request.Type) ? request.Price!.Value
            : request.Type == OrderType.Market ? marketPrice
            : request.StopPrice!.Value;

        decimal quantity;
        if (request.Quantity is { } given)
        {
            quantity = given;
        }
        else
        {
            quantity = DecimalText.FloorToStep(request.QuoteOrderQty!.Value / referencePrice, info.StepSize);
        }

        if (quantity < info.MinQty)
        {
            throw ErrorCatalogue.Invalid(
                $"quantity: {DecimalText.Format(quantity)} is less than the minimum quantity {DecimalText.Format(info.MinQty)}");
        }
        if (quantity > info.MaxQty)
        {
            throw ErrorCatalogue.Invalid(
                $"quantity: {DecimalText.Format(quantity)} is more than the maximum quantity {DecimalText.Format(info.MaxQty)}");
        }
        if (!DecimalText.IsMultipleOf(quantity, info.StepSize))
        {
            throw ErrorCatalogue.Invalid(
                $"quantity: {DecimalText.Format(quantity)} is not a multiple of stepSize {DecimalText.Format(info.StepSize)}");
        }

        var notional = request.QuoteOrderQty ?? DecimalText.Normalize(quantity * referencePrice);
        if (notional < info.MinNotional)
        {
            throw ErrorCatalogue.Invalid(
                $"the order value {DecimalText.Format(notional)} is less than the minimum {DecimalText.Format(info.MinNotional)} {info.QuoteAsset}");
        }
        if (notional > info.MaxNotional)
        {
            throw ErrorCatalogue.Invalid(
                $"the order value {DecimalText.Format(notional)} is more than the maximum {DecimalText.Format(info.MaxNotional)} {info.QuoteAsset}");
        }

        var reserved = OrderType.NeedsPrice(request.Type)
            ? DecimalText.Normalize(quantity * request.Price!.Value)
            : request.QuoteOrderQty ?? DecimalText.Normalize(quantity * referencePrice);
        return new OrderPricing(quantity, reserved);
    }

    private static void CheckTick(string name, decimal? value, decimal tickSize)
    {
        if (value is { } v && !DecimalText.IsMultipleOf(v, tickSize))
        {
            throw ErrorCatalogue.Invalid(
                $"{name}: {DecimalText.Format(v)} is not a multiple of tickSize {DecimalText.Format(tickSize)}");
        }
    }
}
