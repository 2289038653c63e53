using System.Collections;
using System.Management.Automation;
using BingX.PowerShell.Commands;
using BingX.PowerShell.Credentials;

namespace BingX.PowerShell;

/// <summary>
/// Any of the module's errors, built the way the module builds it, for Pester mocks:
/// <c>throw [BingX.PowerShell.BingXErrorRecord]::new('BingXRateLimited', 'rate limited', @{ RetryAfter = ... })</c>.
/// The exception has the module's type for that ErrorId (so <c>catch [BingX.PowerShell.BingXRateLimitedException]</c>
/// and <c>$_.Exception.RetryAfter</c> work), the category is the module's, and FullyQualifiedErrorId is
/// "&lt;ErrorId&gt;,&lt;command&gt;" like the module's, so <c>Should -Throw -ErrorId 'BingXRateLimited,*'</c> matches both.
/// </summary>
public sealed class BingXErrorRecord : ErrorRecord
{
    /// <summary>The error <paramref name="errorId"/> (one of BingXErrorIds) with <paramref name="message"/>.</summary>
    public BingXErrorRecord(string errorId, string message)
        : this(errorId, message, null)
    {
    }

    /// <summary>
    /// The error <paramref name="errorId"/> with <paramref name="message"/> and optional details: Command (e.g.
    /// 'Stop-BingXOpenOrder'), Target, Code, RetryAfter, OutcomeUnknown, HttpStatus, Endpoint, Symbol, OrderId, ClientOrderId.
    /// </summary>
    public BingXErrorRecord(string errorId, string message, IDictionary? properties)
        : this(Build(errorId, message, new Details(properties)))
    {
    }

    private BingXErrorRecord(Built built)
        : base(built.Exception, built.FullyQualifiedErrorId, built.Category, built.Target)
    {
    }

    private static Built Build(string errorId, string message, Details details)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new ArgumentException("Give the error a message.", nameof(message));
        }
        Exception exception;
        string? endpoint = details.String("Endpoint");
        int httpStatus = details.Int("HttpStatus") ?? 200;
        switch (errorId)
        {
            case BingXErrorIds.RateLimited:
                exception = new BingXRateLimitedException(details.Int("Code") ?? 100410, message, httpStatus, endpoint, details.Time("RetryAfter"));
                break;
            case BingXErrorIds.AuthenticationFailed:
            case BingXErrorIds.PermissionDenied:
            case BingXErrorIds.IpNotWhitelisted:
            case BingXErrorIds.TimestampRejected:
            case BingXErrorIds.ApiError:
                (BingXErrorKind kind, int usualCode) = ApiErrorOf(errorId);
                int code = details.Int("Code") ?? usualCode;
                if (errorId == BingXErrorIds.ApiError && (code == 100204 || code == 100404))
                {
                    kind = BingXErrorKind.NotFound;
                }
                exception = new BingXApiException(errorId, kind, code, message, httpStatus, endpoint);
                break;
            case BingXErrorIds.NetworkError:
                exception = new BingXTransportException(errorId, BingXErrorKind.Network, message, endpoint, null);
                break;
            case BingXErrorIds.Timeout:
                exception = new BingXTransportException(errorId, BingXErrorKind.Timeout, message, endpoint, null);
                break;
            case BingXErrorIds.HttpError:
                exception = new BingXTransportException(errorId, BingXErrorKind.HttpError, message, endpoint, details.Int("HttpStatus") ?? 500);
                break;
            case BingXErrorIds.InvalidResponse:
                exception = new BingXTransportException(errorId, BingXErrorKind.InvalidResponse, message, endpoint, httpStatus);
                break;
            case BingXErrorIds.OrderNotCancelled:
                exception = new BingXOrderNotCancelledException(details.String("Symbol") ?? string.Empty, details.Long("OrderId"), details.String("ClientOrderId"), message, BingXErrorKind.ApiError, endpoint);
                break;
            case BingXErrorIds.OrderNotPlaced:
            case BingXErrorIds.OrderOutcomeUnknown:
                bool? placed = errorId == BingXErrorIds.OrderNotPlaced ? false : (bool?)null;
                exception = new BingXOrderPlacementException(errorId, BingXErrorKind.Network, message, details.String("ClientOrderId") ?? string.Empty, placed, endpoint, null);
                break;
            case BingXErrorIds.CancelTimerRefused:
                exception = new BingXException(errorId, BingXErrorKind.ApiError, message, endpoint);
                break;
            case BingXErrorIds.SymbolNotFound:
                return new Built(new ItemNotFoundException(message), errorId, ErrorCategory.ObjectNotFound, details);
            case BingXErrorIds.SymbolRequired:
            case BingXErrorIds.InvalidParameter:
            case BingXErrorIds.InsecureBaseUri:
            case BingXErrorIds.ConflictingCredentialParameters:
            case BingXErrorIds.PipedOrderRefused:
                return new Built(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, details);
            case BingXErrorIds.ConfirmationRequired:
                return new Built(new InvalidOperationException(message), errorId, ErrorCategory.InvalidOperation, details);
            case BingXErrorIds.SecretManagementNotInstalled:
                return Vault(errorId, ErrorCategory.NotInstalled, message, details);
            case BingXErrorIds.VaultNotFound:
            case BingXErrorIds.SecretNotFound:
                return Vault(errorId, ErrorCategory.ObjectNotFound, message, details);
            case BingXErrorIds.VaultLocked:
                return Vault(errorId, ErrorCategory.AuthenticationError, message, details);
            case BingXErrorIds.SecretInvalid:
                return new Built(new CredentialShapeException(message), errorId, ErrorCategory.InvalidData, details);
            case BingXErrorIds.SecretReadFailed:
                return Vault(errorId, ErrorCategory.ReadError, message, details);
            default:
                throw new ArgumentException($"'{errorId}' is not one of the module's ErrorIds; [BingX.PowerShell.BingXErrorIds] lists them.", nameof(errorId));
        }
        var bingx = (BingXException)exception;
        if (details.Bool("OutcomeUnknown") is bool unknown)
        {
            bingx.OutcomeUnknown = unknown;
        }
        return new Built(exception, errorId, BingXCmdlet.CategoryOf(bingx.Kind), details);
    }

    /// <summary>The kind of an ErrorId that the exchange's codes map to, and its usual code (the one a mock gets when it gives none).</summary>
    private static (BingXErrorKind Kind, int Code) ApiErrorOf(string errorId) => errorId switch
    {
        BingXErrorIds.AuthenticationFailed => (BingXErrorKind.Authentication, 100001),
        BingXErrorIds.PermissionDenied => (BingXErrorKind.PermissionDenied, 100004),
        BingXErrorIds.IpNotWhitelisted => (BingXErrorKind.PermissionDenied, 100419),
        BingXErrorIds.TimestampRejected => (BingXErrorKind.Timestamp, 100421),
        _ => (BingXErrorKind.ApiError, 100400),
    };

    private static Built Vault(string errorId, ErrorCategory category, string message, Details details) =>
        new Built(new VaultException(errorId, category, message, null), errorId, category, details);

    private sealed class Built
    {
        public Built(Exception exception, string errorId, ErrorCategory category, Details details)
        {
            Exception = exception;
            Category = category;
            Target = details.Value("Target");
            // The module's ids read "<ErrorId>,<implementing type>" (Stop-BingXOpenOrder -> ...Commands.StopBingXOpenOrderCommand).
            string? command = details.String("Command");
            string suffix = command == null ? "BingX.PowerShell" : "BingX.PowerShell.Commands." + command.Replace("-", string.Empty) + "Command";
            FullyQualifiedErrorId = errorId + "," + suffix;
        }

        public Exception Exception { get; }

        public string FullyQualifiedErrorId { get; }

        public ErrorCategory Category { get; }

        public object? Target { get; }
    }

    /// <summary>The optional details, by case-insensitive name, converted the way PowerShell converts arguments.</summary>
    private sealed class Details
    {
        private readonly IDictionary? _values;

        public Details(IDictionary? values)
        {
            _values = values;
        }

        public object? Value(string name)
        {
            if (_values == null)
            {
                return null;
            }
            foreach (DictionaryEntry entry in _values)
            {
                if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                }
            }
            return null;
        }

        public string? String(string name) => Value(name) is object value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

        public int? Int(string name) => Value(name) is object value ? LanguagePrimitives.ConvertTo<int>(value) : (int?)null;

        public long? Long(string name) => Value(name) is object value ? LanguagePrimitives.ConvertTo<long>(value) : (long?)null;

        public bool? Bool(string name) => Value(name) is object value ? LanguagePrimitives.IsTrue(value) : (bool?)null;

        public DateTimeOffset? Time(string name) => Value(name) is object value ? LanguagePrimitives.ConvertTo<DateTimeOffset>(value) : (DateTimeOffset?)null;
    }
}
