using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BingX.PowerShell
{
    /// <summary>Turns a BingX code and message into the typed exception scripts branch on.</summary>
    internal static class BingXErrorClassifier
    {
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
                default:
                    return new BingXApiException(BingXErrorIds.ApiError, BingXErrorKind.ApiError, code, message, httpStatus, endpoint);
            }
        }

        /// <summary>BingX's own "internal error" and "system busy" (its 5xx): the request may or may not have been carried out.</summary>
        public static bool IsServerBusy(int code) => code == 100500 || code == 100503 || code == 80012;

        /// <summary>The order named does not exist: by the not-found codes, or by a message that says so under another code.</summary>
        public static bool IsNoSuchOrder(BingXApiException ex) => ex.Kind == BingXErrorKind.NotFound || SaysNoSuchOrder(ex.ApiMessage);

        /// <summary>A message (or a cancelOrders <c>fails</c> reason) saying the order does not exist.</summary>
        public static bool SaysNoSuchOrder(string message) => message.IndexOf("not exist", StringComparison.OrdinalIgnoreCase) >= 0;

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
                case 100001:
                case 100412:
                    return " Check that the stored secret key belongs to this API key (Connect-BingX re-reads the vault).";
                case 100413:
                    return " Check the API key stored in the vault; it may have been deleted or mistyped.";
                case 100004:
                    return " Give the API key the needed permission (e.g. Spot Trading) at https://bingx.com/en/account/api/.";
                case 100419:
                    return " Add this machine's public IP to the API key's whitelist at https://bingx.com/en/account/api/.";
                case 100410:
                    return " Wait until the time given and reduce the request rate; continuing can lead to a ban.";
                case 80014:
                    return " This machine's clock differs from the exchange's; the module re-synchronised and retried once.";
                case 100421 when BingXErrorClassifier.IsTimestampMessage(message):
                    return " This machine's clock differs from the exchange's; the module re-synchronised and retried once. Check the system clock (NTP) or raise -RecvWindow.";
                default:
                    return string.Empty;
            }
        }
    }
}
