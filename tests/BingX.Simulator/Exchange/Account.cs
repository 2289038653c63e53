using System.Collections.Generic;

namespace BingX.Simulator.Exchange;

/// <summary>An API key with its user: balances and orders. Mutated only by <see cref="SpotExchange"/> under its lock.</summary>
public sealed class Account
{
    public required string ApiKey { get; init; }
    public required string SecretKey { get; init; }
    public required long Uid { get; init; }
    public required IReadOnlyCollection<string> Permissions { get; init; }

    /// <summary>Empty = any IP may use the key.</summary>
    public required IReadOnlyCollection<string> IpWhitelist { get; init; }

    public SortedDictionary<string, AssetBalance> Balances { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Every order of the account in placement order, any status.</summary>
    public List<Order> Orders { get; } = new();

    /// <summary>Fills and the cancel-all-after timer.</summary>
    public AccountHistory History { get; } = new();

    public AssetBalance BalanceOf(string asset)
    {
        if (!Balances.TryGetValue(asset, out var balance))
        {
            balance = new AssetBalance();
            Balances[asset] = balance;
        }
        return balance;
    }
}

public sealed class AssetBalance
{
    public decimal Free { get; set; }
    public decimal Locked { get; set; }
}

public static class Permission
{
    public const string Read = "Read";
    public const string SpotTrading = "SpotTrading";
}

/// <summary>What issue 14 added to an account: its fills and its cancel-all-after timer (kept apart from the class above).</summary>
public sealed class AccountHistory
{
    /// <summary>Every fill of the account, in the order they happened.</summary>
    public List<Trade> Trades { get; } = new();

    public CancelAfterTimer CancelAfter { get; } = new();
}
