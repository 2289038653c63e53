using System.Management.Automation;

namespace BingX.PowerShell.Commands;

/// <summary>
/// The names (assets, symbols) a list cmdlet was asked for on the command line or the pipeline, each once, in the order
/// first given. The cmdlet then sends one request for everything and writes only these.
/// </summary>
internal sealed class RequestedNames
{
    private readonly List<string> _names = new List<string>();
    private readonly string _parameter;

    public RequestedNames(string parameter)
    {
        _parameter = parameter;
    }

    public IReadOnlyList<string> Names => _names;

    /// <summary>Adds what one ProcessRecord bound; a name given again is not added twice.</summary>
    public void Add(string[]? names)
    {
        foreach (string name in names ?? Array.Empty<string>())
        {
            if (!_names.Contains(name, StringComparer.Ordinal))
            {
                _names.Add(name);
            }
        }
    }

    /// <summary>
    /// Whether the command asked for given names only: the parameter was bound, or input was piped in (an empty pipe
    /// then asks for nothing, not for everything).
    /// </summary>
    public bool IsFilter(InvocationInfo invocation) => invocation.BoundParameters.ContainsKey(_parameter) || invocation.ExpectingInput;
}
