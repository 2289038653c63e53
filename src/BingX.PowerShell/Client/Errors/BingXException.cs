namespace BingX.PowerShell;

/// <summary>What kind of failure a <see cref="BingXException"/> is; the cmdlets map it to an ErrorCategory.</summary>
public enum BingXErrorKind
{
    ApiError,
    Authentication,
    PermissionDenied,
    RateLimited,
    Timestamp,
    NotFound,
    Network,
    Timeout,
    HttpError,
    InvalidResponse,
}

/// <summary>
/// Base of every failure the client reports. <see cref="ErrorId"/> is stable: scripts branch on it
/// through <c>$_.FullyQualifiedErrorId</c>. Messages never contain the API key, secret or signature.
/// </summary>
public class BingXException : Exception
{
    private string? _note;

    public BingXException(string errorId, BingXErrorKind kind, string message, string? endpoint, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        Endpoint = endpoint;
    }

    public string ErrorId { get; }

    public BingXErrorKind Kind { get; }

    /// <summary>The API path that failed, e.g. <c>/openApi/spot/v1/trade/cancelOpenOrders</c>.</summary>
    public string? Endpoint { get; }

    /// <summary>
    /// True when a state-changing request may or may not have been carried out (the answer was lost):
    /// check the order state before repeating it.
    /// </summary>
    public bool OutcomeUnknown { get; internal set; }

    /// <summary>The message, with what the client learnt after the failure (e.g. an earlier attempt whose answer was lost).</summary>
    public override string Message => _note == null ? base.Message : EndSentence(base.Message) + _note;

    /// <summary>Adds a sentence to the message; used before the exception leaves the client.</summary>
    internal void AppendToMessage(string sentence) => _note = (_note == null ? string.Empty : EndSentence(_note)) + " " + EndSentence(sentence.Trim());

    /// <summary>The exchange's messages have no full stop ("Incorrect apiKey"): add one before another sentence follows.</summary>
    internal static string EndSentence(string text)
    {
        string trimmed = text.TrimEnd();
        return trimmed.Length == 0 || ".!?:".IndexOf(trimmed[trimmed.Length - 1]) >= 0 ? trimmed : trimmed + ".";
    }
}

/// <summary>The exchange answered with a non-zero BingX code.</summary>
public class BingXApiException : BingXException
{
    public BingXApiException(string errorId, BingXErrorKind kind, int code, string apiMessage, int httpStatus, string? endpoint)
        : base(errorId, kind, FormatMessage(code, apiMessage, endpoint), endpoint)
    {
        Code = code;
        ApiMessage = apiMessage;
        HttpStatus = httpStatus;
    }

    /// <summary>The BingX error code (e.g. 100410).</summary>
    public int Code { get; }

    /// <summary>The exchange's own message, verbatim.</summary>
    public string ApiMessage { get; }

    public int HttpStatus { get; }

    private static string FormatMessage(int code, string apiMessage, string? endpoint)
    {
        string text = $"BingX rejected {endpoint ?? "the request"} with code {code}: {apiMessage}";
        string advice = BingXErrorAdvice.For(code, apiMessage);
        return advice.Length == 0 ? text : EndSentence(text) + advice;
    }
}

/// <summary>Code 100410: too many requests. <see cref="RetryAfter"/> is when the exchange says it may be retried.</summary>
public sealed class BingXRateLimitedException : BingXApiException
{
    public BingXRateLimitedException(int code, string apiMessage, int httpStatus, string? endpoint, DateTimeOffset? retryAfter)
        : base(BingXErrorIds.RateLimited, BingXErrorKind.RateLimited, code, apiMessage, httpStatus, endpoint)
    {
        RetryAfter = retryAfter;
        LocalRetryAfter = retryAfter;
    }

    /// <summary>The unblock time from the exchange's message (server clock, UTC), when it gave one.</summary>
    public DateTimeOffset? RetryAfter { get; }

    /// <summary>
    /// <see cref="RetryAfter"/> on this machine's clock: the exchange's time minus the measured clock offset.
    /// Compare this one with <c>[DateTimeOffset]::UtcNow</c> or <c>Get-Date</c>.
    /// </summary>
    public DateTimeOffset? LocalRetryAfter { get; internal set; }

    /// <summary>The server time the error body carried (gateway answers have a "timestamp"), when it had one.</summary>
    internal DateTimeOffset? ServerTime { get; set; }

    /// <summary>When the answer was read, on this machine's clock.</summary>
    internal DateTimeOffset ReceivedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>The request did not get a usable answer: network failure, timeout, HTTP error or a body that is not BingX JSON.</summary>
public sealed class BingXTransportException : BingXException
{
    public BingXTransportException(string errorId, BingXErrorKind kind, string message, string? endpoint, int? httpStatus, Exception? innerException = null)
        : base(errorId, kind, message, endpoint, innerException)
    {
        HttpStatus = httpStatus;
    }

    public int? HttpStatus { get; }
}
