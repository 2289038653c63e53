using System.Globalization;

namespace BingX.Simulator.Errors;

/// <summary>
/// Every code and wording the simulator answers with, in one place. Wordings marked "seed" are copied from the
/// official cancel-all page; the others follow BingX's style where no source shows the exact text (see README).
/// </summary>
public static class ErrorCatalogue
{
    public const int SignatureMismatch = 100001;
    public const int PermissionDenied = 100004;
    public const int InsufficientBalance = 100202;
    public const int NoSuchSymbol = 100204;
    public const int InvalidParameter = 100400;
    public const int OrderNotFound = 100404;
    public const int RateLimited = 100410;
    public const int NullSignature = 100412;
    public const int IncorrectApiKey = 100413;
    public const int RiskControl = 100414;
    public const int IpNotWhitelisted = 100419;
    public const int TimestampMismatch = 100421;
    public const int PriceOutOfRange = 100440;
    public const int SymbolOffline = 100490;
    public const int InternalError = 100500;
    public const int SystemBusy = 100503;
    public const int TimestampInvalid = 80014;
    public const int ServerBusyLegacy = 80012;

    // seed
    public const string TimestampMismatchMsg =
        "Null timestamp or timestamp mismatch, try to run our sample code from the link https://bingx-api.github.io/docs/#/en-us/spot/account-api.html#Query%20Assets";
    // seed
    public const string IpNotWhitelistedMsg =
        "IP does not match IP whitelist , please go to https://bingx.com/en/account/api/ to verify the ip you have set";
    // seed
    public const string IncorrectApiKeyMsg = "Incorrect apiKey";
    // seed
    public const string TimestampInvalidMsg = "timestamp is invalid";
    // seed
    public const string RateLimitedMsg = "rate limited";
    public const string NullSignatureMsg = "Null signature";
    // issue 15 (live wording quoted there; no stored source shows it)
    public const string SignatureMismatchMsg = "Signature verification failed due to signature mismatch";
    // docs-v3 trade/order error table
    public const string InsufficientBalanceMsg = "Insufficient assets, please verify the assets status";
    public const string OrderNotFoundMsg = "order not exist";
    public const string NoSuchSymbolMsg = "symbol not exist";
    // docs-v3 trade/order error table
    public const string SymbolOfflineMsg = "spot symbol is offline";
    // ccxt bingx.ts exceptions comment (a live answer)
    public const string NotTradableByApiMsg = "This pair is currently restricted from API trading";
    // docs-v3 trade/order error table: a cancel of a finished (or invalid) order id
    public const string AlreadyFinalMsg = "the order you want to cancel is FILLED or CANCELLED already, or is not a valid order id ,please verify";
    // docs-v3 trade/order error table: a cancel of an order id the account does not have
    public const string CancelNotFoundMsg = "cancel fail, order not exist";
    // docs-v3 trade/order error table
    public const string RiskControlMsg = "Your account is under risk control or without KYC, it's not allowed to place spot order via api,currently,please contact customer service";
    public const string PriceOutOfRangeMsg = "The order price deviates too much from the market price";
    public const string InternalErrorMsg = "Internal system error";
    public const string SystemBusyMsg = "The current system is busy, please try again later";

    public static string PermissionDeniedMsg(string permission) =>
        $"Permission denied as the API key was created without the permission, this api need {permission} permission, please config it in https://bingx.com/en/account/api";

    // seed (with the real epoch in place of the example's)
    public static string DisabledPeriodMsg(long unblockedAfterMs) =>
        "code:100410:The endpoint trigger frequency limit rule is currently in the disabled period and will be unblocked after "
        + unblockedAfterMs.ToString(CultureInfo.InvariantCulture);

    // seed (with the real epoch in place of the example's)
    public static string PenaltyMsg(long retryAfterMs) =>
        "over 20 error code:100202 requests within 480000 ms for this api, please verify and fix it ,can retry after time: "
        + retryAfterMs.ToString(CultureInfo.InvariantCulture);

    /// <summary>cancelOrders (process=1) fails[] text for an id the account does not have on that symbol (BingX.Net issue #25, quoted in issue 15).</summary>
    public static string BatchNotFoundMsg(string id, string symbol) =>
        $"can not find order for orderId:{id} for symbol: {symbol}, please verify and retry later";

    /// <summary>
    /// The gateway in front of the spot service answers authentication, timestamp, IP, permission and rate-limit
    /// refusals itself: {code,msg,timestamp}, no debugMsg. Everything else comes from the service: {code,msg,debugMsg}.
    /// </summary>
    public static bool IsGatewayError(int code, string msg) => code switch
    {
        SignatureMismatch or PermissionDenied or RateLimited or NullSignature or IncorrectApiKey or IpNotWhitelisted
            or TimestampInvalid => true,
        TimestampMismatch => msg.Contains("timestamp", System.StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    public static BingXError Invalid(string detail) => new(InvalidParameter, "Invalid parameters, err:" + detail);

    public static BingXError Missing(string name) => Invalid($"{name}: the value cannot be empty");

    /// <summary>The wording a `business` fault uses when the test gives none.</summary>
    public static string DefaultMessage(int code, string? variant, long nowMs) => code switch
    {
        SignatureMismatch => SignatureMismatchMsg,
        PermissionDenied => PermissionDeniedMsg("Spot Trading"),
        InsufficientBalance => InsufficientBalanceMsg,
        NoSuchSymbol => NoSuchSymbolMsg,
        InvalidParameter => "Invalid parameters",
        OrderNotFound => OrderNotFoundMsg,
        RateLimited => variant switch
        {
            "disabled" => DisabledPeriodMsg(nowMs + 30_000),
            "penalty" => PenaltyMsg(nowMs + 480_000),
            _ => RateLimitedMsg,
        },
        NullSignature => NullSignatureMsg,
        IncorrectApiKey => IncorrectApiKeyMsg,
        RiskControl => RiskControlMsg,
        IpNotWhitelisted => IpNotWhitelistedMsg,
        TimestampMismatch => TimestampMismatchMsg,
        PriceOutOfRange => PriceOutOfRangeMsg,
        SymbolOffline => SymbolOfflineMsg,
        InternalError => InternalErrorMsg,
        SystemBusy or ServerBusyLegacy => SystemBusyMsg,
        TimestampInvalid => TimestampInvalidMsg,
        _ => "error",
    };
}
