using System.Management.Automation;
using System.Management.Automation.Host;
using System.Text;

namespace BingX.PowerShell.Commands;

/// <summary>
/// The one way a cmdlet that changes orders asks before it sends. -WhatIf and an explicit -Confirm always go
/// through ShouldProcess; -Force skips only the prompt. A host that cannot show the prompt (pwsh -NonInteractive,
/// a runspace without a UI) ends the command with BingXConfirmationRequired before anything is sent, instead of
/// PowerShell's own PSInvalidOperationException.
/// </summary>
internal static class ConfirmationGate
{
    /// <summary>
    /// True to go ahead. With -Force (and neither -WhatIf, $WhatIfPreference nor an explicit -Confirm) no prompt
    /// is shown; otherwise ShouldProcess decides, which writes the "What if:" text or asks as $ConfirmPreference says.
    /// </summary>
    public static bool Confirm(PSCmdlet cmdlet, bool force, string target, string action) =>
        SkipsPrompt(cmdlet, force) || ShouldProcessOrRefuse(cmdlet, target, action);

    /// <summary>-Force, and neither -WhatIf, $WhatIfPreference nor an explicit -Confirm: go ahead without ShouldProcess.</summary>
    public static bool SkipsPrompt(PSCmdlet cmdlet, bool force) => force && !WhatIfRequested(cmdlet) && !ConfirmRequested(cmdlet);

    /// <summary>ShouldProcess; a prompt the host cannot show becomes a terminating BingXConfirmationRequired.</summary>
    public static bool ShouldProcessOrRefuse(PSCmdlet cmdlet, string description, string warning, string caption) =>
        Ask(cmdlet, () => cmdlet.ShouldProcess(description, warning, caption), description);

    /// <summary>ShouldProcess(target, action); a prompt the host cannot show becomes a terminating BingXConfirmationRequired.</summary>
    public static bool ShouldProcessOrRefuse(PSCmdlet cmdlet, string target, string action) =>
        Ask(cmdlet, () => cmdlet.ShouldProcess(target, action), target);

    private static bool Ask(PSCmdlet cmdlet, Func<bool> shouldProcess, string description)
    {
        try
        {
            return shouldProcess();
        }
        catch (Exception ex) when (ex is PSInvalidOperationException || ex is HostException || ex is NotImplementedException)
        {
            string name = cmdlet.MyInvocation.MyCommand.Name;
            cmdlet.ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException(
                    $"{name} asks for confirmation before it changes orders, but this PowerShell host cannot show a prompt ({ex.Message.TrimEnd('.')}). Nothing was sent. "
                    + $"To run it unattended add -Force (or -Confirm:$false); use -WhatIf to see what it would do.", ex),
                BingXErrorIds.ConfirmationRequired, ErrorCategory.InvalidOperation, description));
            throw; // not reached: ThrowTerminatingError always throws
        }
    }

    /// <summary>
    /// ":" and one indented line each, for a ShouldProcess text; past <paramref name="max"/> lines, "... and N more".
    /// Nothing for no lines.
    /// </summary>
    public static string Listing(IReadOnlyList<string> lines, int max)
    {
        if (lines.Count == 0)
        {
            return string.Empty;
        }
        var text = new StringBuilder(":");
        foreach (string line in lines.Take(max))
        {
            text.Append(Environment.NewLine).Append("  ").Append(line);
        }
        if (lines.Count > max)
        {
            text.Append(Environment.NewLine).Append("  ... and ").Append(lines.Count - max).Append(" more");
        }
        return text.ToString();
    }

    public static bool WhatIfRequested(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out object? w) ? ((SwitchParameter)w).IsPresent
        : cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference") is SwitchParameter s ? s.IsPresent
        : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));

    /// <summary>-Confirm given explicitly (not -Confirm:$false).</summary>
    public static bool ConfirmRequested(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object? c) && ((SwitchParameter)c).IsPresent;

    /// <summary>Whether ShouldProcess will prompt for a command of <paramref name="impact"/>, -Force aside.</summary>
    public static bool PromptWillShow(PSCmdlet cmdlet, ConfirmImpact impact)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out object? c))
        {
            return ((SwitchParameter)c).IsPresent;
        }
        // A script may hold it as a string ($ConfirmPreference = 'None' in a child scope has no type constraint).
        object? preference = cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference");
        if (!LanguagePrimitives.TryConvertTo(preference, out ConfirmImpact threshold))
        {
            threshold = ConfirmImpact.High;
        }
        return threshold != ConfirmImpact.None && impact >= threshold;
    }
}
