using System.Collections.Generic;
using System.Linq;

namespace BingX.Simulator.Exchange;

/// <summary>The fixed list of pairs and their market prices (prices change through the control API).</summary>
public sealed class SymbolCatalog
{
    /// <summary>Online and tradable by API, with rules close to the real ones at the time of writing.</summary>
    private static readonly (SymbolInfo Info, decimal Price)[] Defaults =
    [
        (new("BTC-USDT", 0.01m, 0.00001m, 0.00001m, 100m, 2m, 2000000m, 1, true, true, 1646100000000), 43000m),
        (new("ETH-USDT", 0.01m, 0.0001m, 0.0001m, 2000m, 2m, 2000000m, 1, true, true, 1646100000000), 2300m),
        (new("GM-USDT", 0.00000001m, 1m, 1m, 9000000000m, 2m, 200000m, 1, true, true, 1700000000000), 0.00000398m),
        (new("SOL-USDT", 0.01m, 0.001m, 0.001m, 20000m, 2m, 1000000m, 1, true, true, 1646100000000), 98m),
        (new("XRP-USDT", 0.0001m, 0.1m, 0.1m, 2000000m, 2m, 1000000m, 1, true, true, 1646100000000), 0.62m),
        (new("DOGE-USDT", 0.00001m, 1m, 1m, 20000000m, 2m, 1000000m, 1, true, true, 1646100000000), 0.089m),
        (new("BNB-USDT", 0.01m, 0.001m, 0.001m, 5000m, 2m, 1000000m, 1, true, true, 1646100000000), 310m),
        (new("ADA-USDT", 0.0001m, 0.1m, 0.1m, 5000000m, 2m, 1000000m, 1, true, true, 1646100000000), 0.58m),
        (new("LTC-USDT", 0.01m, 0.001m, 0.001m, 20000m, 2m, 1000000m, 1, true, true, 1646100000000), 72m),
        (new("TRX-USDT", 0.00001m, 1m, 1m, 50000000m, 2m, 1000000m, 1, true, true, 1646100000000), 0.105m),
        // Offline (status 0): every trade answers 100490.
        (new("LUNA-USDT", 0.0001m, 0.01m, 0.01m, 1000000m, 2m, 200000m, 0, true, true, 1646100000000), 0.6m),
        // Online but closed to API trading: orders answer 100421 ("not tradable by API").
        (new("PEPE-USDT", 0.0000000001m, 1m, 1m, 90000000000m, 2m, 200000m, 1, false, false, 1700000000000), 0.0000012m),
        // Other listing statuses of the live list (issue 15): pre-open, suspended, delisted. Orders answer 100490.
        (new("NEWT-USDT", 0.0001m, 0.1m, 0.1m, 1000000m, 2m, 200000m, 5, true, true, 1798761600000), 0.5m),
        (new("HALT-USDT", 0.0001m, 0.1m, 0.1m, 1000000m, 2m, 200000m, 25, true, true, 1646100000000), 1.2m),
        (new("GONE-USDT", 0.0001m, 0.1m, 0.1m, 1000000m, 2m, 200000m, 30, true, true, 1646100000000, 1764547200000), 0.01m),
    ];

    private readonly object _gate = new();
    private readonly Dictionary<string, SymbolInfo> _symbols = Defaults.ToDictionary(d => d.Info.Symbol, d => d.Info);
    private readonly Dictionary<string, decimal> _prices = new();

    public SymbolCatalog()
    {
        ResetPrices();
    }

    public IReadOnlyList<SymbolInfo> All => Defaults.Select(d => d.Info).ToList();

    public SymbolInfo? Find(string symbol) => _symbols.GetValueOrDefault(symbol);

    public decimal PriceOf(string symbol)
    {
        lock (_gate)
        {
            return _prices[symbol];
        }
    }

    public void SetPrice(string symbol, decimal price)
    {
        lock (_gate)
        {
            _prices[symbol] = price;
        }
    }

    public void ResetPrices()
    {
        lock (_gate)
        {
            foreach (var (info, price) in Defaults)
            {
                _prices[info.Symbol] = price;
            }
        }
    }
}
