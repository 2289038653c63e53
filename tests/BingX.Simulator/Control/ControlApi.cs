using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BingX.Simulator.Api;
using BingX.Simulator.Exchange;
using BingX.Simulator.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace BingX.Simulator.Control;

/// <summary>/_sim/...: seeding state, faults, the clock and the request log. JSON in and out; bad input is a 4xx with {"error"}.</summary>
public sealed class ControlApi(SimulatorState state)
{
    public const string Prefix = "/_sim/";

    public async Task HandleAsync(HttpContext http)
    {
        string body;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        ControlResult result;
        try
        {
            result = Route(http.Request.Method, (http.Request.Path.Value ?? "")[Prefix.Length..].TrimEnd('/'), http.Request.Query, body);
        }
        catch (ControlError error)
        {
            result = ControlResult.Error(error.Status, error.Message);
        }
        catch (ArgumentException error)
        {
            result = ControlResult.Error(400, error.Message);
        }
        catch (InvalidOperationException error)
        {
            result = ControlResult.Error(409, error.Message);
        }
        http.Response.StatusCode = result.Status;
        http.Response.ContentType = ApiResult.Json;
        http.Response.ContentLength = result.Body.Length;
        await http.Response.Body.WriteAsync(result.Body);
    }

    private ControlResult Route(string method, string route, IQueryCollection query, string body)
    {
        var parts = route.Split('/');
        return (method, parts) switch
        {
            ("GET", ["health"]) => ControlResult.Ok(w => w.WriteBoolean("ok", true)),
            ("POST", ["reset"]) => Reset(),
            ("GET", ["settings"]) => Settings(),
            ("POST", ["settings"]) => UpdateSettings(body),
            ("POST", ["accounts"]) => CreateAccount(body),
            ("GET", ["accounts", var key]) => GetAccount(Uri.UnescapeDataString(key)),
            ("POST", ["accounts", var key, "balances"]) => SetBalances(Uri.UnescapeDataString(key), body),
            ("POST", ["accounts", var key, "orders"]) => SeedOrders(Uri.UnescapeDataString(key), body),
            ("POST", ["orders", var id, "fill"]) => Fill(id, body),
            ("GET", ["prices"]) => Prices(),
            ("POST", ["prices"]) => SetPrices(body),
            ("GET", ["clock"]) => ClockAnswer(),
            ("POST", ["clock"]) => SetClock(body),
            ("GET", ["faults"]) => ListFaults(),
            ("POST", ["faults"]) => AddFault(body),
            ("DELETE", ["faults"]) => ClearFaults(),
            ("GET", ["requests"]) => Requests(query["path"].ToString()),
            ("DELETE", ["requests"]) => ClearRequests(),
            _ => KnownRoute(parts)
                ? ControlResult.Error(405, $"{method} is not allowed on /_sim/{route}")
                : ControlResult.Error(404, $"no control route /_sim/{route}"),
        };
    }

    private static bool KnownRoute(string[] parts) => parts switch
    {
        ["health"] or ["reset"] or ["settings"] or ["accounts"] or ["accounts", _] or ["accounts", _, "balances"]
            or ["accounts", _, "orders"] or ["orders", _, "fill"] or ["prices"] or ["clock"] or ["faults"] or ["requests"] => true,
        _ => false,
    };

    private ControlResult Reset()
    {
        state.Reset();
        return ControlResult.Ok(w => w.WriteBoolean("ok", true));
    }

    // ---- settings -------------------------------------------------------------------------------------------

    private ControlResult Settings() => ControlResult.Ok(w => WriteSettings(w, state.RateLimiter.Settings));

    private ControlResult UpdateSettings(string body)
    {
        var json = JsonBody.Parse(body, "rateLimits", "violationsToDisable", "violationWindowMs", "disabledPeriodMs", "penaltyErrors", "penaltyWindowMs");
        var current = state.RateLimiter.Settings;
        var updated = current with
        {
            Enabled = json.Bool("rateLimits") ?? current.Enabled,
            ViolationsToDisable = Positive(json.Int("violationsToDisable"), "violationsToDisable") ?? current.ViolationsToDisable,
            ViolationWindowMs = Positive(json.Long("violationWindowMs"), "violationWindowMs") ?? current.ViolationWindowMs,
            DisabledPeriodMs = Positive(json.Long("disabledPeriodMs"), "disabledPeriodMs") ?? current.DisabledPeriodMs,
            PenaltyErrors = Positive(json.Int("penaltyErrors"), "penaltyErrors") ?? current.PenaltyErrors,
            PenaltyWindowMs = Positive(json.Long("penaltyWindowMs"), "penaltyWindowMs") ?? current.PenaltyWindowMs,
        };
        state.RateLimiter.Settings = updated;
        return ControlResult.Ok(w => WriteSettings(w, updated));
    }

    private static T? Positive<T>(T? value, string name) where T : struct, IComparable<T> =>
        value is { } v && v.CompareTo(default) <= 0 ? throw new ControlError(400, $"'{name}' must be more than 0") : value;

    private static void WriteSettings(Utf8JsonWriter w, RateLimitSettings settings)
    {
        w.WriteBoolean("rateLimits", settings.Enabled);
        w.WriteNumber("violationsToDisable", settings.ViolationsToDisable);
        w.WriteNumber("violationWindowMs", settings.ViolationWindowMs);
        w.WriteNumber("disabledPeriodMs", settings.DisabledPeriodMs);
        w.WriteNumber("penaltyErrors", settings.PenaltyErrors);
        w.WriteNumber("penaltyWindowMs", settings.PenaltyWindowMs);
    }

    // ---- accounts -------------------------------------------------------------------------------------------

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
            w.WriteStartArray("balances");
            foreach (var (asset, free, locked) in balances)
            {
                w.WriteStartObject();
                w.WriteString("asset", asset);
                w.WriteString("free", DecimalText.Format(DecimalText.Normalize(free)));
                w.WriteString("locked", DecimalText.Format(DecimalText.Normalize(locked)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
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
        var status = OneOf(json.String("status") ?? OrderStatus.New, "status", OrderStatus.All);
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

    // ---- prices and clock -----------------------------------------------------------------------------------

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

    // ---- faults and request log -----------------------------------------------------------------------------

    private ControlResult AddFault(string body)
    {
        var json = JsonBody.Parse(body, "path", "kind", "count", "status", "code", "msg", "variant", "delayMs", "afterProcessing");
        var path = json.String("path");
        if (path is not null && !path.StartsWith(ApiEndpoints.Prefix, StringComparison.Ordinal))
        {
            throw new ControlError(400, $"'path' must start with {ApiEndpoints.Prefix} (or be omitted for any /openApi path)");
        }
        var kind = OneOf(json.RequiredString("kind"), "kind", FaultKind.All);
        var count = json.Int("count") ?? 1;
        if (count < 1)
        {
            throw new ControlError(400, "'count' must be 1 or more");
        }
        var status = json.Int("status");
        if (kind == FaultKind.Status && status is null)
        {
            throw new ControlError(400, "a 'status' fault needs 'status' (e.g. 500, 502, 503, 429, 403, 418)");
        }
        if (status is not null && status is < 100 or > 599)
        {
            throw new ControlError(400, "'status' must be an HTTP status from 100 to 599");
        }
        var code = json.Int("code");
        if (kind == FaultKind.Business && code is null)
        {
            throw new ControlError(400, "a 'business' fault needs 'code'");
        }
        var variant = json.String("variant");
        if (variant is not null && variant is not ("rate" or "disabled" or "penalty"))
        {
            throw new ControlError(400, "'variant' must be rate, disabled or penalty");
        }
        var delayMs = json.Int("delayMs");
        if (kind == FaultKind.Delay && (delayMs is null || delayMs < 0 || delayMs > 600_000))
        {
            throw new ControlError(400, "a 'delay' fault needs 'delayMs' from 0 to 600000");
        }
        var fault = new Fault(0, path, kind, count, status, code, json.String("msg"), variant, delayMs ?? 0,
            json.Bool("afterProcessing") ?? false);
        var id = state.Faults.Add(fault);
        return new ControlResult(201, Write(w => w.WriteNumber("id", id)));
    }

    private ControlResult ListFaults()
    {
        var faults = state.Faults.All();
        return ControlResult.Ok(w =>
        {
            w.WriteStartArray("faults");
            foreach (var f in faults)
            {
                w.WriteStartObject();
                w.WriteNumber("id", f.Id);
                WriteNullable(w, "path", f.Path);
                w.WriteString("kind", f.Kind);
                w.WriteNumber("count", f.Count);
                w.WriteBoolean("afterProcessing", f.AfterProcessing);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private ControlResult ClearFaults()
    {
        state.Faults.Clear();
        return ControlResult.Ok(w => w.WriteBoolean("ok", true));
    }

    private ControlResult Requests(string path)
    {
        var entries = state.RequestLog.Read(string.IsNullOrEmpty(path) ? null : path);
        return ControlResult.Ok(w =>
        {
            w.WriteStartArray("requests");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteNumber("seq", e.Seq);
                w.WriteNumber("time", e.Time);
                w.WriteString("method", e.Method);
                w.WriteString("path", e.Path);
                w.WriteString("query", e.Query);
                w.WriteStartObject("headers");
                foreach (var (name, value) in e.Headers)
                {
                    w.WriteString(name, value);
                }
                w.WriteEndObject();
                w.WriteString("body", e.Body);
                w.WriteNumber("status", e.Status);
                if (e.Code is { } code)
                {
                    w.WriteNumber("code", code);
                }
                else
                {
                    w.WriteNull("code");
                }
                WriteNullable(w, "msg", e.Msg);
                WriteNullable(w, "apiKey", e.ApiKey);
                WriteNullable(w, "fault", e.Fault);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
    }

    private ControlResult ClearRequests()
    {
        state.RequestLog.Clear();
        return ControlResult.Ok(w => w.WriteBoolean("ok", true));
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> members) => Envelope.Write(members);

    private sealed record ControlResult(int Status, byte[] Body)
    {
        public static ControlResult Ok(Action<Utf8JsonWriter> members) => new(200, Write(members));

        public static ControlResult Error(int status, string message) => new(status, Write(w => w.WriteString("error", message)));
    }
}
