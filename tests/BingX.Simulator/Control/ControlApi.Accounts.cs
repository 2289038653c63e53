using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using BingX.Simulator.Exchange;
using BingX.Simulator.Wire;

namespace BingX.Simulator.Control;

/// <summary>Accounts, balances, seeded orders and fills.</summary>
public sealed partial class ControlApi
{
    private ControlResult CreateAccount(string body)
    {
        var json = JsonBody.Parse(body, "apiKey", "secretKey", "balances", "permissions", "ipWhitelist");
        var apiKey = json.RequiredString("apiKey");
        var secretKey = json.RequiredString("secretKey");
        var balances = json.DecimalMap("balances");
        var permissions = json.StringArray("permissions") ?? [Permission.Read, Permission.SpotTrading];
        var unknown = permissions.FirstOrDefault(p => p is not (Permission.Read or Permission.SpotTrading));
        if (unknown is not null)
        {
            throw new ControlError(400, $"unknown permission '{unknown}' (use \"Read\" and/or \"SpotTrading\")");
        }
        var whitelist = json.StringArray("ipWhitelist") ?? [];
        var badIp = whitelist.FirstOrDefault(ip => !IPAddress.TryParse(ip, out _));
        if (badIp is not null)
        {
            throw new ControlError(400, $"'{badIp}' in ipWhitelist is not an IP address");
        }
        var uid = state.Exchange.CreateAccount(apiKey, secretKey, balances, permissions.ToList(), whitelist.ToList())
            ?? throw new ControlError(409, $"an account with apiKey '{apiKey}' exists already");
        return new ControlResult(201, Write(w =>
        {
            w.WriteNumber("uid", uid);
            w.WriteString("apiKey", apiKey);
        }));
    }

    private Account AccountOf(string apiKey) =>
        state.Exchange.FindAccount(apiKey) ?? throw new ControlError(404, $"no account with apiKey '{apiKey}'");

    private ControlResult GetAccount(string apiKey)
    {
        var account = AccountOf(apiKey);
        var balances = state.Exchange.BalancesOf(account);
        var orders = state.Exchange.AllOrdersOf(account);
        return ControlResult.Ok(w =>
        {
            w.WriteNumber("uid", account.Uid);
            w.WriteString("apiKey", account.ApiKey);
            w.WriteStartArray("permissions");
            foreach (var permission in account.Permissions)
            {
                w.WriteStringValue(permission);
            }
            w.WriteEndArray();
            w.WriteStartArray("ipWhitelist");
            foreach (var ip in account.IpWhitelist)
            {
                w.WriteStringValue(ip);
            }
            w.WriteEndArray();
            BalanceJson.WriteBalances(w, balances);
            w.WriteStartArray("orders");
            foreach (var order in orders)
            {
                OrderJson.WriteQueryShape(w, order);
            }
            w.WriteEndArray();
        });
    }

    private ControlResult SetBalances(string apiKey, string body)
    {
        AccountOf(apiKey);
        var balances = JsonBody.Parse(body).AsDecimalMap();
        state.Exchange.SetBalances(apiKey, balances);
        return GetAccount(apiKey);
    }

    private ControlResult SeedOrders(string apiKey, string body)
    {
        var account = AccountOf(apiKey);
        var json = JsonBody.Parse(body, "symbol", "side", "type", "price", "quantity", "stopPrice", "clientOrderId", "status", "count", "executedQty");
        var symbol = json.RequiredString("symbol");
        if (state.Exchange.Symbols.Find(symbol) is null)
        {
            throw new ControlError(400, $"unknown symbol '{symbol}' (the simulator lists {string.Join(", ", state.Exchange.Symbols.All.Select(s => s.Symbol))})");
        }
        var side = OneOf(json.RequiredString("side"), "side", [OrderSide.Buy, OrderSide.Sell]);
        var type = OneOf(json.RequiredString("type"), "type", OrderType.All);
        var quantity = json.Decimal("quantity") ?? throw new ControlError(400, "'quantity' is required");
        if (quantity <= 0)
        {
            throw new ControlError(400, "'quantity' must be more than 0");
        }
        var stopPrice = json.Decimal("stopPrice");
        // A LIMIT-like seed without a price rests at the market price (the contract makes price optional).
        var price = json.Decimal("price") ?? (OrderType.NeedsPrice(type) ? state.Exchange.Symbols.PriceOf(symbol) : null);
        if (OrderType.NeedsPrice(type) && (price is null || price <= 0))
        {
            throw new ControlError(400, $"a {type} order needs a 'price' more than 0");
        }
        if (OrderType.IsTrigger(type) && (stopPrice is null || stopPrice <= 0))
        {
            throw new ControlError(400, $"a {type} order needs a 'stopPrice' more than 0");
        }
        var status = OneOf(json.String("status") ?? OrderStatus.Pending, "status", OrderStatus.All);
        var count = json.Int("count") ?? 1;
        if (count is < 1 or > 10_000)
        {
            throw new ControlError(400, "'count' must be from 1 to 10000");
        }
        var executed = json.Decimal("executedQty");
        if (executed is not null && (status != OrderStatus.PartiallyFilled || executed <= 0 || executed >= quantity))
        {
            throw new ControlError(400, "'executedQty' is only for PARTIALLY_FILLED, more than 0 and less than quantity");
        }
        var seed = new OrderSeed(symbol, side, type, quantity, price, stopPrice, json.String("clientOrderId"), status, executed, count);
        var orders = state.Exchange.SeedOrders(account, seed, state.Clock.NowMs());
        return ControlResult.Ok(w =>
        {
            w.WriteStartArray("orders");
            foreach (var order in orders)
            {
                OrderJson.WriteOpenShape(w, order);
            }
            w.WriteEndArray();
        });
    }

    private static string OneOf(string value, string name, IReadOnlyCollection<string> choices) =>
        choices.Contains(value) ? value : throw new ControlError(400, $"'{name}' must be one of {string.Join(", ", choices)}");

    private ControlResult Fill(string id, string body)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId))
        {
            throw new ControlError(400, $"'{id}' is not an order id");
        }
        var json = JsonBody.Parse(body, "quantity");
        var order = state.Exchange.Fill(orderId, json.Decimal("quantity"), state.Clock.NowMs())
            ?? throw new ControlError(404, $"no order {orderId}");
        return ControlResult.Ok(w =>
        {
            w.WritePropertyName("order");
            OrderJson.WriteQueryShape(w, order);
        });
    }
}
