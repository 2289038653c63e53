using System.Net.Http;

namespace BingX.PowerShell.Client;

/// <summary>Sentences shared by the transport's failure messages, so every stage words them the same way.</summary>
internal static class FailureWording
{
    /// <summary>After a write whose answer was lost: the user must look before repeating it.</summary>
    public static string OutcomeHint(BingXEndpoint endpoint) =>
        endpoint.Method == HttpMethod.Post ? " The request may or may not have been carried out: check the orders before repeating it." : string.Empty;

    /// <summary>The innermost message says what happened ("Connection refused"); none of them carries the query string.</summary>
    public static string Describe(Exception ex)
    {
        Exception inner = ex;
        while (inner.InnerException != null)
        {
            inner = inner.InnerException;
        }
        return inner.Message.TrimEnd('.');
    }

    public static string DescribeBody(string? mediaType, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return ", empty body";
        }
        string preview = body.Trim().Replace("\r", " ").Replace("\n", " ");
        return $", {mediaType ?? "no content type"} body starting '{Truncate(preview, 80)}'";
    }

    public static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "...";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
