using System.Collections.Generic;
using System.Text.Json;
using BingX.Simulator.Exchange;

namespace BingX.Simulator.Wire;

/// <summary>
/// The "balances" array of account/balance, which the control API's account view shows the same way: free and locked
/// as decimal strings without trailing zeros.
/// </summary>
public static class BalanceJson
{
    public static void WriteBalances(Utf8JsonWriter writer, IEnumerable<(string Asset, decimal Free, decimal Locked)> balances)
    {
        writer.WriteStartArray("balances");
        foreach (var (asset, free, locked) in balances)
        {
            writer.WriteStartObject();
            writer.WriteString("asset", asset);
            writer.WriteString("free", DecimalText.Format(DecimalText.Normalize(free)));
            writer.WriteString("locked", DecimalText.Format(DecimalText.Normalize(locked)));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }
}
