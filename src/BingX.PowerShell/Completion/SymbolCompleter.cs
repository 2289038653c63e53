using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Language;
using BingX.PowerShell.Client;
using BingX.PowerShell.Session;

namespace BingX.PowerShell.Completion;

/// <summary>
/// Tab completion for -Symbol from the exchange's symbol list, fetched once per base URI and cached for the
/// session. Never blocks the prompt for long: if the list is not there within a moment, no suggestions
/// (the fetch goes on, so the next Tab has them).
/// </summary>
internal sealed class SymbolCompleter : IArgumentCompleter
{
    private static readonly TimeSpan PromptBudget = TimeSpan.FromMilliseconds(1500);
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(30);
    private static readonly ConcurrentDictionary<string, Lazy<Task<CachedSymbols>>> Cache = new ConcurrentDictionary<string, Lazy<Task<CachedSymbols>>>(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"').ToUpperInvariant();
        IReadOnlyList<string> symbols = GetSymbols(BingXSession.Current?.BaseUri ?? BingXSession.DefaultBaseUri);
        return symbols
            .Where(s => s.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => new CompletionResult(s, s, CompletionResultType.ParameterValue, s))
            .ToList();
    }

    internal static IReadOnlyList<string> GetSymbols(Uri baseUri)
    {
        if (BingXClientOptions.ValidateBaseUri(baseUri) != null)
        {
            return Array.Empty<string>();
        }
        string key = baseUri.GetLeftPart(UriPartial.Authority);
        Lazy<Task<CachedSymbols>> entry = Cache.GetOrAdd(key, _ => Fetch(baseUri));
        Task<CachedSymbols> task = entry.Value;
        if (task.IsCompleted && (task.IsFaulted || task.IsCanceled || DateTime.UtcNow - task.Result.FetchedAt > CacheLifetime))
        {
            // Failed or stale: start over (the next Tab gets the fresh list).
            Cache.TryUpdate(key, Fetch(baseUri), entry);
            task = Cache[key].Value;
        }
        try
        {
            if (task.Wait(PromptBudget))
            {
                return task.Result.Symbols;
            }
        }
        catch (AggregateException)
        {
            // Offline or refused: no suggestions rather than an error at the prompt.
        }
        return Array.Empty<string>();
    }

    /// <summary>Test hook.</summary>
    internal static void Clear() => Cache.Clear();

    private static Lazy<Task<CachedSymbols>> Fetch(Uri baseUri) =>
        new Lazy<Task<CachedSymbols>>(() => Task.Run(async () =>
        {
            var client = new BingXClient(new BingXClientOptions { BaseUri = baseUri, Timeout = TimeSpan.FromSeconds(10), MaxRetries = 0 });
            List<BingXSymbol> list = await client.GetSymbolsAsync(null, CancellationToken.None).ConfigureAwait(false);
            string[] names = list.Where(s => s.IsOnline).Select(s => s.Symbol).OrderBy(s => s, StringComparer.Ordinal).ToArray();
            return new CachedSymbols(names, DateTime.UtcNow);
        }), LazyThreadSafetyMode.ExecutionAndPublication);

    private sealed record CachedSymbols(string[] Symbols, DateTime FetchedAt);
}

/// <summary><c>[BingXSymbolCompleter]</c>: tab completion of -Symbol from the exchange's list (<see cref="SymbolCompleter"/>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class BingXSymbolCompleterAttribute : ArgumentCompleterAttribute
{
    public BingXSymbolCompleterAttribute()
        : base(typeof(SymbolCompleter))
    {
    }
}
