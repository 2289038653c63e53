using System;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using BingX.Simulator.Api;
using BingX.Simulator.Errors;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using BingX.Simulator.Wire;

namespace BingX.Simulator.Faults;

/// <summary>Sends the broken answer a fault asks for, in place of (or after) the real one.</summary>
public static class FaultResponder
{
    /// <summary>A plausible success answer, cut in half when the request was not carried out.</summary>
    private static readonly byte[] CannedSuccess = Encoding.UTF8.GetBytes(
        "{\"code\":0,\"msg\":\"\",\"debugMsg\":\"\",\"data\":{\"orders\":[{\"symbol\":\"BTC-USDT\",\"orderId\":1735964997957275651,"
        + "\"transactTime\":1702721242701,\"price\":\"43000\",\"stopPrice\":\"0\",\"origQty\":\"0.001\",\"executedQty\":\"0\","
        + "\"cummulativeQuoteQty\":\"0\",\"status\":\"CANCELED\",\"type\":\"LIMIT\",\"side\":\"BUY\",\"clientOrderID\":\"\"}]}}");

    /// <param name="log">Called with what is about to be sent (status; code and msg only for business faults), before it is written.</param>
    public static async Task RespondAsync(HttpContext http, Fault fault, ApiResult? processed, long nowMs, Action<ApiResult> log)
    {
        switch (fault.Kind)
        {
            case FaultKind.Status:
            {
                var status = fault.Status ?? 500;
                var result = Envelope.PlainText(status, $"{status} {ReasonPhrases.GetReasonPhrase(status)}");
                await WriteAsync(http, result, log);
                return;
            }
            case FaultKind.Html:
            {
                var status = fault.Status ?? 502;
                var reason = $"{status} {ReasonPhrases.GetReasonPhrase(status)}";
                var page = $"<html>\r\n<head><title>{reason}</title></head>\r\n<body>\r\n<center><h1>{reason}</h1></center>\r\n"
                    + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
                var result = new ApiResult(status, "text/html", Encoding.UTF8.GetBytes(page), null, null);
                await WriteAsync(http, result, log);
                return;
            }
            case FaultKind.Malformed:
            {
                // Claims to be JSON, is not: the kind of body a misbehaving proxy produces.
                var result = new ApiResult(200, ApiResult.Json, Encoding.UTF8.GetBytes("<<upstream sent an invalid response>> code=0"), null, null);
                await WriteAsync(http, result, log);
                return;
            }
            case FaultKind.Truncated:
            {
                var full = processed?.Body ?? CannedSuccess;
                var cut = full.AsSpan(0, full.Length / 2).ToArray();
                var result = new ApiResult(200, ApiResult.Json, cut, null, null);
                await WriteAsync(http, result, log);
                return;
            }
            case FaultKind.Drop:
            {
                var full = processed?.Body ?? CannedSuccess;
                log(new ApiResult(200, ApiResult.Json, full, null, null));
                http.Response.StatusCode = 200;
                http.Response.ContentType = ApiResult.Json;
                http.Response.ContentLength = full.Length;
                await http.Response.Body.WriteAsync(full.AsMemory(0, full.Length / 2));
                await http.Response.Body.FlushAsync();
                http.Abort();
                return;
            }
            case FaultKind.Hangup:
            {
                // Not one byte of an answer, then a plain close (FIN): what a client sees when a server or load
                // balancer closes a kept-alive connection. .NET's pool treats exactly this as "retry on another
                // connection" for a request without a body, so with afterProcessing it tells whether a client
                // lets the HTTP stack send a write twice.
                log(new ApiResult(0, ApiResult.Json, [], null, null));
                // Kestrel's Abort alone resets the connection (RST): the client then sees "connection reset", which
                // .NET never resends. A FIN first makes the client read end-of-stream, the idle-close case.
                http.Features.Get<IConnectionSocketFeature>()?.Socket.Shutdown(SocketShutdown.Send);
                http.Abort();
                return;
            }
            case FaultKind.Business:
            {
                var code = fault.Code ?? ErrorCatalogue.InternalError;
                var msg = fault.Msg ?? ErrorCatalogue.DefaultMessage(code, fault.Variant, nowMs);
                var result = Envelope.Error(code, msg, nowMs);
                await WriteAsync(http, result, log);
                return;
            }
            default:
                throw new InvalidOperationException($"fault kind '{fault.Kind}' has no answer");
        }
    }

    public static async Task WriteAsync(HttpContext http, ApiResult result, Action<ApiResult> log)
    {
        log(result);
        http.Response.StatusCode = result.Status;
        http.Response.ContentType = result.ContentType;
        http.Response.ContentLength = result.Body.Length;
        await http.Response.Body.WriteAsync(result.Body);
    }
}
