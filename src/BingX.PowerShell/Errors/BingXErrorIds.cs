namespace BingX.PowerShell;

/// <summary>The stable ErrorIds of the module. Scripts match them in <c>$_.FullyQualifiedErrorId</c>.</summary>
public static class BingXErrorIds
{
    // From the exchange's codes.
    public const string AuthenticationFailed = "BingXAuthenticationFailed";
    public const string PermissionDenied = "BingXPermissionDenied";
    public const string IpNotWhitelisted = "BingXIpNotWhitelisted";
    public const string RateLimited = "BingXRateLimited";
    public const string TimestampRejected = "BingXTimestampRejected";
    public const string ApiError = "BingXApiError";

    // From the transport.
    public const string NetworkError = "BingXNetworkError";
    public const string Timeout = "BingXTimeout";
    public const string HttpError = "BingXHttpError";
    public const string InvalidResponse = "BingXInvalidResponse";

    // About one order or symbol of a request; the rest go through.
    public const string OrderNotCancelled = "BingXOrderNotCancelled";
    public const string SymbolNotFound = "BingXSymbolNotFound";

    // Placing an order whose answer was lost, after looking it up by its client order id.
    public const string OrderNotPlaced = "BingXOrderNotPlaced";
    public const string OrderOutcomeUnknown = "BingXOrderOutcomeUnknown";

    // From the module, before anything is sent.
    public const string SymbolRequired = "BingXSymbolRequired";
    public const string InvalidParameter = "BingXInvalidParameter";
    public const string InsecureBaseUri = "BingXInsecureBaseUri";
    public const string ConflictingCredentialParameters = "BingXConflictingCredentialParameters";

    // From the vault.
    public const string SecretManagementNotInstalled = "BingXSecretManagementNotInstalled";
    public const string VaultNotFound = "BingXVaultNotFound";
    public const string VaultLocked = "BingXVaultLocked";
    public const string SecretNotFound = "BingXSecretNotFound";
    public const string SecretInvalid = "BingXSecretInvalid";
    public const string SecretReadFailed = "BingXSecretReadFailed";

    // From the module, before anything is sent: a command that changes orders and what it would take.
    public const string ConfirmationRequired = "BingXConfirmationRequired";
    public const string PipedOrderRefused = "BingXPipedOrderRefused";
    // The dead man's switch (trade/cancelAllAfter).
    public const string CancelTimerRefused = "BingXCancelTimerRefused";
}
