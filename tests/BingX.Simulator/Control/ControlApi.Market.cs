using BingX.Simulator.Exchange;

namespace BingX.Simulator.Control;

/// <summary>Market prices and the server clock.</summary>
public sealed partial class ControlApi
{
    private ControlResult Prices() => ControlResult.Ok(w =>
    {
        w.WriteStartObject("prices");
        foreach (var symbol in state.Exchange.Symbols.All)
        {
            w.WriteString(symbol.Symbol, DecimalText.Format(state.Exchange.Symbols.PriceOf(symbol.Symbol)));
        }
        w.WriteEndObject();
    });

    private ControlResult SetPrices(string body)
    {
        var prices = JsonBody.Parse(body).AsDecimalMap();
        foreach (var (symbol, price) in prices)
        {
            if (state.Exchange.Symbols.Find(symbol) is null)
            {
                throw new ControlError(400, $"unknown symbol '{symbol}'");
            }
            if (price <= 0)
            {
                throw new ControlError(400, $"the price of {symbol} must be more than 0");
            }
        }
        foreach (var (symbol, price) in prices)
        {
            state.Exchange.Symbols.SetPrice(symbol, price);
        }
        return Prices();
    }

    private ControlResult ClockAnswer() => ControlResult.Ok(w => w.WriteNumber("serverTime", state.Clock.NowMs()));

    private ControlResult SetClock(string body)
    {
        var json = JsonBody.Parse(body, "offsetMs", "fixedTimeMs");
        var offset = json.Long("offsetMs");
        var fixedTime = json.Long("fixedTimeMs");
        if (offset is not null && fixedTime is not null)
        {
            throw new ControlError(400, "give 'offsetMs' or 'fixedTimeMs', not both");
        }
        if (fixedTime is { } at)
        {
            if (at <= 0)
            {
                throw new ControlError(400, "'fixedTimeMs' must be a Unix time in milliseconds");
            }
            state.Clock.SetFixed(at);
        }
        else
        {
            state.Clock.SetOffset(offset ?? 0);
        }
        return ClockAnswer();
    }
}
