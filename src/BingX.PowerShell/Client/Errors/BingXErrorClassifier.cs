using System.Text.RegularExpressions;

namespace BingX.PowerShell;

/// <summary>Turns a BingX code and message into the typed exception scripts branch on.</summary>
internal static class BingXErrorClassifier
{
    // Every wording BingX uses for an order it does not have (any more): "order not exist" (100404), "Order does
    // not exist" (80016 on BingX's other APIs), " cancel fail,
    // order not exist" (100421), "the order you want to cancel is FILLED or CANCELLED already, or is not a valid
    // order id" (100400), and cancelOrders' fails[] "can not find order for orderId:<id> for symbol: <sym>".
    private static readonly Regex OrderNotFoundWording = new Regex(@"order\s+(?:does\s+)?not\s+exist|can\s*not\s+find\s+order|FILLED\s+or\s+CANCELL?ED\s+already|not\s+a\s+valid\s+order\s+id", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "... will be unblocked after 1727193814249" and "... can retry after time: 1727193970155".
    private static readonly Regex UnblockTime = new Regex(@"(?:unblocked after|retry after time:)\s*(\d{12,14})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static BingXApiException Create(int code, string message, int httpStatus, string? endpoint)
    {
        switch (code)
        {
            case 100001:
            case 100412:
            case 100413:
                return new BingXApiException(BingXErrorIds.AuthenticationFailed, BingXErrorKind.Authentication, code, message, httpStatus, endpoint);
            case 100004:
                return new BingXApiException(BingXErrorIds.PermissionDenied, BingXErrorKind.PermissionDenied, code, message, httpStatus, endpoint);
            case 100419:
                return new BingXApiException(BingXErrorIds.IpNotWhitelisted, BingXErrorKind.PermissionDenied, code, message, httpStatus, endpoint);
            case 100410:
                return new BingXRateLimitedException(code, message, httpStatus, endpoint, ParseUnblockTime(message));
            case 80014:
                return new BingXApiException(BingXErrorIds.TimestampRejected, BingXErrorKind.Timestamp, code, message, httpStatus, endpoint);
            case 100421 when IsTimestampMessage(message):
                return new BingXApiException(BingXErrorIds.TimestampRejected, BingXErrorKind.Timestamp, code, message, httpStatus, endpoint);
            case 100204:
            case 100404:
                return new BingXApiException(BingXErrorIds.ApiError, BingXErrorKind.NotFound, code, message, httpStatus, endpoint);
            case 100400 when IsOrderNotFound(code, message):
            case 100421 when IsOrderNotFound(code, message):
                return new BingXApiException(BingXErrorIds.ApiError, BingXErrorKind.NotFound, code, message, httpStatus, endpoint);
            default:
                return new BingXApiException(BingXErrorIds.ApiError, BingXErrorKind.ApiError, code, message, httpStatus, endpoint);
        }
    }

    /// <summary>BingX's own "internal error" and "system busy" (its 5xx): the request may or may not have been carried out.</summary>
    public static bool IsServerBusy(int code) => code == 100500 || code == 100503 || code == 80012;

    /// <summary>The order named does not exist (any more): see <see cref="IsOrderNotFound"/>.</summary>
    public static bool IsNoSuchOrder(BingXApiException ex) => ex.Kind == BingXErrorKind.NotFound || IsOrderNotFound(ex.Code, ex.ApiMessage);

    /// <summary>
    /// The one place that decides whether an answer means "no such order (any more)": code 100404, or one of the
    /// wordings above under 100400/100421 or in a cancelOrders fails[] entry (<paramref name="code"/> null or its
    /// errorCode). A timestamp rejection (100421 too) never is.
    /// </summary>
    public static bool IsOrderNotFound(int? code, string? message)
    {
        if (code == 100404)
        {
            return true;
        }
        if (string.IsNullOrEmpty(message) || (code == 100421 && IsTimestampMessage(message!)))
        {
            return false;
        }
        return OrderNotFoundWording.IsMatch(message);
    }

    /// <summary>100421 means both "timestamp mismatch" and several business rejections: only the first is about the clock.</summary>
    public static bool IsTimestampMessage(string message) =>
        message.IndexOf("timestamp", StringComparison.OrdinalIgnoreCase) >= 0;

    public static DateTimeOffset? ParseUnblockTime(string message)
    {
        Match match = UnblockTime.Match(message);
        if (match.Success && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        return null;
    }
}

/// <summary>One line of "what to do" appended to an exchange error, so an admin in a hurry knows the next step.</summary>
internal static class BingXErrorAdvice
{
    public static string For(int code, string message)
    {
        switch (code)
        {
            // 100001, 100412, 100413: the transport adds advice that names where the key came from (AuthenticationAdvice).
            case 100004:
                return " Give the API key the needed permission (e.g. Spot Trading) at https://bingx.com/en/account/api/.";
            case 100419:
                return " Add this machine's public IP to the API key's whitelist at https://bingx.com/en/account/api/.";
            case 100410:
                return BingXErrorClassifier.ParseUnblockTime(message) != null
                    ? " Wait until the time given and reduce the request rate; continuing can lead to a ban."
                    : " Wait a few seconds and reduce the request rate; continuing can lead to a ban.";
            case 80014:
                return " This machine's clock differs from the exchange's; the module re-synchronised and retried once.";
            case 100421 when BingXErrorClassifier.IsTimestampMessage(message):
                return " This machine's clock differs from the exchange's; the module re-synchronised and retried once. Check the system clock (NTP) or raise -RecvWindow.";
            default:
                return string.Empty;
        }
    }
}

/// <summary>What to check after an authentication failure, from where the key really came from.</summary>
internal static class AuthenticationAdvice
{
    public static string For(int code, string? source, bool fromVault)
    {
        bool keyRejected = code == 100413;
        if (fromVault)
        {
            string where = source ?? "the vault";
            return keyRejected
                ? $"Check the API key stored in {where}: it may have been deleted or mistyped (Set-Secret replaces it; Connect-BingX reads it again)."
                : $"Check that the secret key stored in {where} belongs to its API key (Set-Secret replaces it; Connect-BingX reads it again).";
        }
        if (source == "-Credential")
        {
            return keyRejected
                ? "Check the -Credential given: its user name must be the API key, which may have been deleted or mistyped."
                : "Check the -Credential given: its password must be the secret key of the API key in its user name.";
        }
        return keyRejected
            ? "Check the API key: it may have been deleted or mistyped."
            : "Check that the secret key belongs to the API key.";
    }
}
