using System.Management.Automation;

namespace BingX.PowerShell.Pipeline;

/// <summary>
/// Verbose and debug lines that never turn into a "Continue with this operation?" prompt. On a compiled cmdlet,
/// -Debug without -Verbose makes the verbose preference Inquire (PowerShell/PowerShell MshCommandRuntime.cs,
/// VerbosePreference: "if (Debug) ... return ActionPreference.Inquire"), and $VerbosePreference or
/// $DebugPreference = 'Inquire' do the same: a prompt between sending a cancel and writing its result, which
/// -NonInteractive turns into a failure after the exchange acted. Such a line goes to the other stream when that
/// one does not prompt (-Debug alone: verbose lines come out as debug lines), else straight to the host.
/// </summary>
internal static class PromptFreeLog
{
    public static void Verbose(Cmdlet cmdlet, string message)
    {
        if (!(cmdlet is PSCmdlet ps) || !Inquires(ps, "Verbose"))
        {
            cmdlet.WriteVerbose(message);
        }
        else if (!Inquires(ps, "Debug"))
        {
            cmdlet.WriteDebug(message);
        }
        else
        {
            ps.Host?.UI?.WriteVerboseLine(message);
        }
    }

    public static void Debug(Cmdlet cmdlet, string message)
    {
        if (!(cmdlet is PSCmdlet ps) || !Inquires(ps, "Debug"))
        {
            cmdlet.WriteDebug(message);
        }
        else
        {
            ps.Host?.UI?.WriteDebugLine(message);
        }
    }

    /// <summary>
    /// -Debug without -WarningAction makes the warning preference Inquire too (MshCommandRuntime.WarningOutputPolicy),
    /// so the lost-answer warnings of New-BingXOrder and the Stop cmdlets, written after the exchange acted, would
    /// prompt (and fail under -NonInteractive) instead of writing the result. Such a warning goes to the debug stream
    /// when that one does not prompt (-Debug asked for it), else straight to the host.
    /// </summary>
    public static void Warning(Cmdlet cmdlet, string message)
    {
        if (!(cmdlet is PSCmdlet ps) || !Inquires(ps, "Warning"))
        {
            cmdlet.WriteWarning(message);
        }
        else if (!Inquires(ps, "Debug"))
        {
            cmdlet.WriteDebug("WARNING: " + message);
        }
        else
        {
            ps.Host?.UI?.WriteWarningLine(message);
        }
    }

    /// <summary>Mirrors MshCommandRuntime: an explicit -Verbose/-Debug/-WarningAction decides, -Debug alone makes verbose and warning Inquire, else the variable.</summary>
    private static bool Inquires(PSCmdlet cmdlet, string stream)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        if (stream == "Warning" && bound.TryGetValue("WarningAction", out object? action))
        {
            return LanguagePrimitives.TryConvertTo(action, out ActionPreference chosen) && chosen == ActionPreference.Inquire;
        }
        if (bound.ContainsKey(stream))
        {
            return false;
        }
        if (stream != "Debug" && bound.TryGetValue("Debug", out object? debug) && debug is SwitchParameter d && d.IsPresent)
        {
            return true;
        }
        object? preference = cmdlet.SessionState.PSVariable.GetValue(stream + "Preference");
        return LanguagePrimitives.TryConvertTo(preference, out ActionPreference value) && value == ActionPreference.Inquire;
    }
}
