using System.Net;
using System.Net.Http;
using System.Text.Json;
using BingX.PowerShell.Client.Http;
using static BingX.PowerShell.Client.FailureWording;

namespace BingX.PowerShell.Client.Reading;

/// <summary>
/// The envelope stage: <c>{"code":0,"msg":"","data":…}</c> gives its data; a non-zero code goes to
/// <see cref="BingXErrorClassifier"/>; anything else (HTTP errors, a body that is not an envelope) is a transport failure.
/// </summary>
internal static class EnvelopeReader
{
    private static readonly JsonElement NullData = JsonFields.Parse("null");

    /// <summary>The envelope's <c>data</c> (JSON null when absent).</summary>
    public static JsonElement Read(BingXEndpoint endpoint, HttpAnswer answer)
    {
        int status = answer.Status;
        JsonElement? root = null;
        JsonException? parseError = null;
        try
        {
            root = JsonFields.Parse(answer.Body);
        }
        catch (JsonException ex)
        {
            parseError = ex;
        }

        if (root.HasValue && root.Value.Field("code") is JsonElement codeNode && TryReadCode(codeNode, out int code))
        {
            if (code != 0)
            {
                string message = root.Value.ReadString("msg") ?? string.Empty;
                BingXApiException error = BingXErrorClassifier.Create(code, message, status, endpoint.Path);
                if (error is BingXRateLimitedException limited)
                {
                    // Gateway errors carry the server's time: the unblock time is judged against it.
                    limited.ServerTime = ReadServerTimestamp(root.Value);
                }
                throw error;
            }
            if (status >= 200 && status < 300)
            {
                return root.Value.Field("data") ?? NullData;
            }
        }

        if (status < 200 || status >= 300)
        {
            string reason = answer.ReasonPhrase ?? ((HttpStatusCode)status).ToString();
            string advice = status == 429 || status == 418 ? " The exchange is limiting this IP: stop sending for a while (418 is a ban after ignoring 429)."
                : status == 403 ? " The exchange's firewall refused the request (such bans usually last about 5 minutes)."
                : status >= 500 ? OutcomeHint(endpoint)
                : string.Empty;
            throw new BingXTransportException(BingXErrorIds.HttpError, BingXErrorKind.HttpError,
                $"BingX answered {endpoint} with HTTP {status} ({reason}){DescribeBody(answer.MediaType, answer.Body)}.{advice}",
                endpoint.Path, status)
            { OutcomeUnknown = status >= 500 && endpoint.Method == HttpMethod.Post };
        }

        string what = parseError != null ? "it is not valid JSON (" + parseError.Message.TrimEnd('.') + ")" : "it is not a BingX envelope (no numeric 'code')";
        throw InvalidResponse(endpoint, status, what, parseError, DescribeBody(answer.MediaType, answer.Body));
    }

    public static BingXTransportException InvalidResponse(BingXEndpoint endpoint, int status, string what, Exception? inner, string bodyDescription = "")
    {
        return new BingXTransportException(BingXErrorIds.InvalidResponse, BingXErrorKind.InvalidResponse,
            $"BingX's answer to {endpoint} (HTTP {status}) could not be read: {what}{bodyDescription}.{OutcomeHint(endpoint)}",
            endpoint.Path, status, inner)
        { OutcomeUnknown = endpoint.Method == HttpMethod.Post };
    }

    /// <summary>The "timestamp" of a gateway error body (epoch ms, a number or a string); null when absent or odd.</summary>
    private static DateTimeOffset? ReadServerTimestamp(JsonElement envelope)
    {
        try
        {
            long? ms = envelope.ReadInt64("timestamp");
            return ms.HasValue && ms.Value > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms.Value) : (DateTimeOffset?)null;
        }
        catch (Exception ex) when (ex is FormatException || ex is ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool TryReadCode(JsonElement node, out int code)
    {
        // Spot sends a number; other endpoints have sent strings.
        code = 0;
        return (node.ValueKind == JsonValueKind.Number || node.ValueKind == JsonValueKind.String)
            && int.TryParse(JsonFields.ToText(node), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code);
    }
}
