using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using BingX.Simulator.Wire;

namespace BingX.Simulator.Control;

/// <summary>/_sim/...: seeding state, faults, the clock and the request log. JSON in and out; bad input is a 4xx with {"error"}.</summary>
public sealed partial class ControlApi(SimulatorState state)
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
            ("GET", ["accounts", var key, "cancel-timer"]) => CancelTimer(Uri.UnescapeDataString(key)),
            ("POST", ["accounts", var key, "cancel-timer"]) => SetCancelTimer(Uri.UnescapeDataString(key), body),
            ("POST", ["accounts", var key, "cancel-timer", "fire"]) => FireCancelTimer(Uri.UnescapeDataString(key)),
            _ => KnownRoute(parts)
                ? ControlResult.Error(405, $"{method} is not allowed on /_sim/{route}")
                : ControlResult.Error(404, $"no control route /_sim/{route}"),
        };
    }

    private static bool KnownRoute(string[] parts) => parts switch
    {
        ["health"] or ["reset"] or ["settings"] or ["accounts"] or ["accounts", _] or ["accounts", _, "balances"]
            or ["accounts", _, "orders"] or ["orders", _, "fill"] or ["prices"] or ["clock"] or ["faults"] or ["requests"]
            or ["accounts", _, "cancel-timer"] or ["accounts", _, "cancel-timer", "fire"] => true,
        _ => false,
    };

    private ControlResult Reset()
    {
        state.Reset();
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
