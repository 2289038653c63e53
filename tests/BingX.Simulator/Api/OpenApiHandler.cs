using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BingX.Simulator.Errors;
using BingX.Simulator.Exchange;
using Microsoft.AspNetCore.Http;
using BingX.Simulator.Wire;
using BingX.Simulator.Faults;
using BingX.Simulator.Recording;

namespace BingX.Simulator.Api;

/// <summary>
/// Every /openApi request: faults, routing, then the checks in the order the README documents
/// (key, signature present, timestamp, signature valid, IP whitelist, permission, rate limit, business), then the log.
/// </summary>
public sealed class OpenApiHandler(SimulatorState state)
{
    public const string ApiKeyHeader = "X-BX-APIKEY";
    private const int MaxRecvWindowMs = 60_000;
    private const int DefaultRecvWindowMs = 5_000;
    private const int MaxAheadMs = 1_000;

    public async Task HandleAsync(HttpContext http)
    {
        var seq = state.RequestLog.NextSeq();
        // Arrival time on the server clock: what a test of a client's pacing compares.
        var arrivedAt = state.Clock.NowMs();
        var request = http.Request;
        var path = request.Path.Value ?? "";
        var rawQuery = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        var apiKey = request.Headers.TryGetValue(ApiKeyHeader, out var keys) ? keys.ToString() : null;

        var fault = state.Faults.Take(path);

        // Logged just before the answer is written: a client that has the answer finds the request in the log.
        void Log(ApiResult sent)
        {
            var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString())).ToList();
            state.RequestLog.Add(new RequestLogEntry(
                seq, arrivedAt, request.Method, path, rawQuery, headers, body,
                sent.Status, sent.Code, sent.Msg, apiKey, fault?.Kind));
        }

        if (fault is { AfterProcessing: false } && fault.Kind != FaultKind.Delay)
        {
            await FaultResponder.RespondAsync(http, fault, null, state.Clock.NowMs(), Log);
        }
        else
        {
            if (fault is { Kind: FaultKind.Delay, AfterProcessing: false })
            {
                await Task.Delay(fault.DelayMs, http.RequestAborted);
            }
            var result = Process(http, path, rawQuery, body, apiKey);
            if (fault is { AfterProcessing: true, Kind: FaultKind.Delay })
            {
                await Task.Delay(fault.DelayMs, http.RequestAborted);
            }
            if (fault is { AfterProcessing: true } && fault.Kind != FaultKind.Delay)
            {
                await FaultResponder.RespondAsync(http, fault, result, state.Clock.NowMs(), Log);
            }
            else
            {
                if (result.Status == 405)
                {
                    http.Response.Headers.Allow = ApiEndpoints.Find(path)?.Method;
                }
                if (result.RateLimit is { } budget)
                {
                    // docs-v3 Basic Info: "X-RateLimit-Requests-Remain" and "X-RateLimit-Requests-Expire".
                    http.Response.Headers["X-RateLimit-Requests-Remain"] = budget.Remain.ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers["X-RateLimit-Requests-Expire"] = budget.ExpireMs.ToString(CultureInfo.InvariantCulture);
                }
                await FaultResponder.WriteAsync(http, result, Log);
            }
        }
    }

    private ApiResult Process(HttpContext http, string path, string rawQuery, string body, string? apiKey)
    {
        var endpoint = ApiEndpoints.Find(path);
        if (endpoint is null)
        {
            return Envelope.PlainText(404, "404 page not found");
        }
        if (!string.Equals(http.Request.Method, endpoint.Method, StringComparison.OrdinalIgnoreCase))
        {
            return Envelope.PlainText(405, "405 method not allowed");
        }

        var isForm = http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var parameters = RequestParameters.Parse(rawQuery, isForm ? body : null);
        var nowMs = state.Clock.NowMs();
        var ip = CallerIp(http);
        try
        {
            if (endpoint.IsPublic)
            {
                var limited = state.RateLimiter.CheckPublic(ip);
                var answer = limited is not null
                    ? Envelope.Error(limited, nowMs)
                    : Envelope.Success(endpoint.Handle(new TradeContext(state.Exchange, null, parameters, nowMs)));
                return answer with { RateLimit = state.RateLimiter.PublicBudget(ip) };
            }

            var account = Authenticate(endpoint, parameters, apiKey, ip, nowMs);
            var budget = () => state.RateLimiter.PrivateBudget(account.Uid, endpoint.Path, endpoint.UidPerSecond);
            var rejected = state.RateLimiter.CheckPrivate(account.Uid, endpoint.Path, endpoint.UidPerSecond, ip, nowMs);
            if (rejected is not null)
            {
                return Envelope.Error(rejected, nowMs) with { RateLimit = budget() };
            }
            try
            {
                return Envelope.Success(endpoint.Handle(new TradeContext(state.Exchange, account, parameters, nowMs))) with { RateLimit = budget() };
            }
            catch (BingXError error) when (error.Code == ErrorCatalogue.InsufficientBalance)
            {
                state.RateLimiter.RecordInsufficientBalance(account.Uid, endpoint.Path, endpoint.UidPerSecond, nowMs);
                return Envelope.Error(error, nowMs) with { RateLimit = budget() };
            }
            catch (BingXError error)
            {
                return Envelope.Error(error, nowMs) with { RateLimit = budget() };
            }
        }
        catch (BingXError error)
        {
            return Envelope.Error(error, nowMs);
        }
    }

    private Account Authenticate(ApiEndpoint endpoint, RequestParameters parameters, string? apiKey, string ip, long nowMs)
    {
        var account = string.IsNullOrEmpty(apiKey) ? null : state.Exchange.FindAccount(apiKey);
        if (account is null)
        {
            throw new BingXError(ErrorCatalogue.IncorrectApiKey, ErrorCatalogue.IncorrectApiKeyMsg);
        }
        var signature = parameters.Get(RequestParameters.SignatureName);
        if (string.IsNullOrEmpty(signature))
        {
            throw new BingXError(ErrorCatalogue.NullSignature, ErrorCatalogue.NullSignatureMsg);
        }
        CheckTimestamp(parameters, nowMs);
        if (!Signature.Matches(account.SecretKey, parameters.SignedText(), signature))
        {
            throw new BingXError(ErrorCatalogue.SignatureMismatch, ErrorCatalogue.SignatureMismatchMsg);
        }
        if (account.IpWhitelist.Count > 0 && !account.IpWhitelist.Contains(ip))
        {
            throw new BingXError(ErrorCatalogue.IpNotWhitelisted, ErrorCatalogue.IpNotWhitelistedMsg);
        }
        if (!account.Permissions.Contains(endpoint.Permission))
        {
            var name = endpoint.Permission == Permission.SpotTrading ? "Spot Trading" : endpoint.Permission;
            throw new BingXError(ErrorCatalogue.PermissionDenied, ErrorCatalogue.PermissionDeniedMsg(name));
        }
        return account;
    }

    private static void CheckTimestamp(RequestParameters parameters, long nowMs)
    {
        var text = parameters.Get("timestamp");
        if (string.IsNullOrEmpty(text))
        {
            throw new BingXError(ErrorCatalogue.TimestampMismatch, ErrorCatalogue.TimestampMismatchMsg);
        }
        if (!text.All(char.IsAsciiDigit) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw new BingXError(ErrorCatalogue.TimestampInvalid, ErrorCatalogue.TimestampInvalidMsg);
        }
        decimal recvWindow = DefaultRecvWindowMs;
        var windowText = parameters.Get("recvWindow");
        if (!string.IsNullOrEmpty(windowText)
            && (!DecimalText.TryParse(windowText, out recvWindow) || recvWindow <= 0 || recvWindow > MaxRecvWindowMs))
        {
            throw ErrorCatalogue.Invalid($"recvWindow: '{windowText}' must be a number of milliseconds from 1 to {MaxRecvWindowMs}");
        }
        if (nowMs - timestamp > recvWindow || timestamp - nowMs > MaxAheadMs)
        {
            throw new BingXError(ErrorCatalogue.TimestampMismatch, ErrorCatalogue.TimestampMismatchMsg);
        }
    }

    private static string CallerIp(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "";
        }
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }
}
