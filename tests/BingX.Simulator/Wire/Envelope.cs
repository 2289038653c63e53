using System;
using System.IO;
using System.Text;
using System.Text.Json;
using BingX.Simulator.Errors;

namespace BingX.Simulator.Wire;

/// <summary>BingX's response envelope: success with data, or an error (gateway or service family) without data.</summary>
public static class Envelope
{
    public static ApiResult Success(Action<Utf8JsonWriter> writeData)
    {
        var body = Write(writer =>
        {
            writer.WriteNumber("code", 0);
            writer.WriteString("msg", "");
            writer.WriteString("debugMsg", "");
            writer.WritePropertyName("data");
            writeData(writer);
        });
        return new ApiResult(200, ApiResult.Json, body, 0, "");
    }

    public static ApiResult Error(BingXError error, long nowMs) => Error(error.Code, error.Message, nowMs);

    /// <summary>
    /// Two families, as recorded live: the gateway's {code,msg,timestamp} (the IP whitelist refusal also carries
    /// success:false) and the service's {code,msg,debugMsg} without a timestamp. See ErrorCatalogue.IsGatewayError.
    /// </summary>
    public static ApiResult Error(int code, string msg, long nowMs)
    {
        var gateway = ErrorCatalogue.IsGatewayError(code, msg);
        var body = Write(writer =>
        {
            writer.WriteNumber("code", code);
            writer.WriteString("msg", msg);
            if (gateway)
            {
                if (code == ErrorCatalogue.IpNotWhitelisted)
                {
                    writer.WriteBoolean("success", false);
                }
                writer.WriteNumber("timestamp", nowMs);
            }
            else
            {
                writer.WriteString("debugMsg", "");
            }
        });
        return new ApiResult(200, ApiResult.Json, body, code, msg);
    }

    public static ApiResult PlainText(int status, string text) =>
        new(status, ApiResult.Text, Encoding.UTF8.GetBytes(text), null, null);

    /// <summary>Writes one JSON object. Unescaped-relaxed so URLs in messages keep their '&amp;' and '+' readable.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> writeMembers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions.Writer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
