using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using BingX.PowerShell.Client;
using BingX.PowerShell.Credentials;
using BingX.PowerShell.Pipeline;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Commands;

/// <summary>
/// Base of every BingX cmdlet: runs client calls on the pipeline thread's terms (Ctrl+C cancels them,
/// logs are written from this thread only) and turns failures into ErrorRecords with stable ErrorIds.
/// </summary>
public abstract class BingXCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
    private PipelinePump? _pump;

    /// <summary>
    /// Seconds to wait for each answer from the exchange before failing with BingXTimeout (default 30).
    /// </summary>
    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSec { get; set; }

    /// <summary>
    /// The longest, in seconds, to wait by itself when the exchange answers 100410 (rate limited) before retrying
    /// (default: Connect-BingX's, else 5). A block that lasts longer fails at once with BingXRateLimited. 0 never waits.
    /// </summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int MaxRateLimitWaitSec { get; set; }

    internal PipelinePump Pump => _pump ??= new PipelinePump();

    internal CancellationToken StopToken => _stopping.Token;

    /// <summary>Ctrl+C: cancel the request in flight; the pipeline then stops.</summary>
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Waits for client work, writing its logs on this (the pipeline) thread.</summary>
    internal T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        try
        {
            return Pump.Run(this, work(StopToken));
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Ctrl+C and -ErrorAction Stop: the pipeline's own exceptions, which pass through and are never reported.</summary>
    internal static bool IsPipelineControl(Exception exception) => exception is PipelineStoppedException || exception is ActionPreferenceStopException;

    /// <summary>Waits for client work as <see cref="Run"/> does; a failure goes to <paramref name="report"/> and gives false.</summary>
    internal bool TryRun<T>(Func<CancellationToken, Task<T>> work, Action<Exception> report, [MaybeNullWhen(false)] out T result)
    {
        try
        {
            result = Run(work);
            return true;
        }
        catch (Exception ex) when (!IsPipelineControl(ex))
        {
            report(ex);
            result = default;
            return false;
        }
    }

    /// <summary>Waits for client work and writes what it returns (a list item by item); a failure goes to <paramref name="report"/>.</summary>
    internal void RunAndWrite<T>(Func<CancellationToken, Task<T>> work, Action<Exception> report)
    {
        if (TryRun(work, report, out T? result))
        {
            WriteObject(result, enumerateCollection: true);
        }
    }

    internal TimeSpan? RequestedTimeout =>
        MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec)) ? TimeSpan.FromSeconds(TimeoutSec) : (TimeSpan?)null;

    internal TimeSpan? RequestedMaxRateLimitWait =>
        MyInvocation.BoundParameters.ContainsKey(nameof(MaxRateLimitWaitSec)) ? TimeSpan.FromSeconds(MaxRateLimitWaitSec) : (TimeSpan?)null;

    /// <summary>
    /// Options for a client that talks to <paramref name="connection"/>'s exchange (the default one without a
    /// connection), without credentials. The caller reads <see cref="BingXSession.Current"/> once and passes it, so
    /// a Connect-BingX in another runspace cannot give one invocation one connection's address and another's key.
    /// </summary>
    internal BingXClientOptions CreatePublicOptions(BingXConnection? connection) =>
        CreateOptions(connection?.BaseUri ?? BingXSession.DefaultBaseUri, connection);

    /// <summary>
    /// Options for a client of <paramref name="baseUri"/>, without credentials: this command's -TimeoutSec and
    /// -MaxRateLimitWaitSec, else <paramref name="connection"/>'s, else the defaults. An insecure address ends the command.
    /// </summary>
    internal BingXClientOptions CreateOptions(Uri baseUri, BingXConnection? connection)
    {
        string? problem = BingXClientOptions.ValidateBaseUri(baseUri);
        if (problem != null)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(problem), BingXErrorIds.InsecureBaseUri, ErrorCategory.InvalidArgument, baseUri));
        }
        return new BingXClientOptions
        {
            BaseUri = baseUri,
            Timeout = RequestedTimeout ?? connection?.Timeout ?? BingXClientOptions.DefaultTimeout,
            MaxRateLimitWait = RequestedMaxRateLimitWait ?? connection?.MaxRateLimitWait ?? BingXClientOptions.DefaultMaxRateLimitWait,
            Log = Pump,
        };
    }

    internal static ErrorRecord ToErrorRecord(Exception exception, object? target)
    {
        switch (exception)
        {
            case BingXException bingx:
                return new ErrorRecord(bingx, bingx.ErrorId, CategoryOf(bingx.Kind), target);
            case VaultException vault:
                return new ErrorRecord(vault, vault.ErrorId, vault.Category, target);
            case CredentialShapeException shape:
                return new ErrorRecord(shape, BingXErrorIds.SecretInvalid, ErrorCategory.InvalidData, target);
            default:
                return new ErrorRecord(exception, exception.GetType().Name, ErrorCategory.NotSpecified, target);
        }
    }

    /// <summary>
    /// Failures that concern the account or the connection end the command (the next symbol would fail the
    /// same way); failures about one item (an unknown symbol, an order already gone) let the rest go through.
    /// </summary>
    internal static bool IsFatal(Exception exception)
    {
        if (!(exception is BingXException bingx))
        {
            return true;
        }
        return bingx.Kind != BingXErrorKind.ApiError && bingx.Kind != BingXErrorKind.NotFound;
    }

    /// <summary>Reports a failure: terminating when it concerns everything, non-terminating when it concerns only <paramref name="target"/>.</summary>
    internal void Report(Exception exception, object? target)
    {
        ErrorRecord record = ToErrorRecord(exception, target);
        if (IsFatal(exception))
        {
            ThrowTerminatingError(record);
        }
        WriteError(record);
    }

    /// <summary>
    /// Reports a failure about <paramref name="symbol"/>: the exchange's "symbol not exist" (100204) becomes
    /// BingXSymbolNotFound naming the symbol and the fix, whichever endpoint said it; anything else as <see cref="Report"/>
    /// with <paramref name="target"/> (the symbol when omitted).
    /// </summary>
    internal void ReportForSymbol(Exception exception, string? symbol, string consequence, object? target = null)
    {
        if (symbol != null && exception is BingXApiException api && api.Code == 100204
            && api.ApiMessage.IndexOf("symbol", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            WriteError(new ErrorRecord(
                new ItemNotFoundException($"BingX lists no spot symbol {symbol}, so {consequence}. Check the spelling: Get-BingXSymbol lists the symbols, and Tab after -Symbol completes them.", api),
                BingXErrorIds.SymbolNotFound, ErrorCategory.ObjectNotFound, symbol));
            return;
        }
        Report(exception, target ?? symbol ?? "All");
    }

    /// <summary>-Since and -Until as UTC: an unspecified DateTime (Get-Date's kind is Local) is local time.</summary>
    internal static DateTimeOffset? ToUtc(DateTime? time) =>
        time.HasValue ? new DateTimeOffset(time.Value.Kind == DateTimeKind.Utc ? time.Value : time.Value.ToUniversalTime(), TimeSpan.Zero) : null;

    /// <summary>Ends the command, before anything is read or sent, when -Since is after -Until.</summary>
    internal void RefuseBackwardRange(DateTime? since, DateTime? until)
    {
        if (ToUtc(since) > ToUtc(until))
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("-Since is after -Until."),
                BingXErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, since));
        }
    }

    internal static ErrorCategory CategoryOf(BingXErrorKind kind)
    {
        switch (kind)
        {
            case BingXErrorKind.Authentication: return ErrorCategory.AuthenticationError;
            case BingXErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
            case BingXErrorKind.RateLimited: return ErrorCategory.LimitsExceeded;
            case BingXErrorKind.Timestamp: return ErrorCategory.InvalidData;
            case BingXErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
            case BingXErrorKind.Network: return ErrorCategory.ConnectionError;
            case BingXErrorKind.Timeout: return ErrorCategory.OperationTimeout;
            case BingXErrorKind.HttpError: return ErrorCategory.ProtocolError;
            case BingXErrorKind.InvalidResponse: return ErrorCategory.InvalidResult;
            default: return ErrorCategory.InvalidOperation;
        }
    }

    /// <summary>WriteVerbose that never prompts (see <see cref="PromptFreeLog"/>): every BingX cmdlet's own lines go through it.</summary>
    internal new void WriteVerbose(string text) => PromptFreeLog.Verbose(this, text);

    /// <summary>WriteDebug that never prompts (see <see cref="PromptFreeLog"/>).</summary>
    internal new void WriteDebug(string text) => PromptFreeLog.Debug(this, text);

    /// <summary>WriteWarning that never prompts under -Debug (see <see cref="PromptFreeLog.Warning"/>).</summary>
    internal new void WriteWarning(string text) => PromptFreeLog.Warning(this, text);

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
