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

    /// <summary>Mirrors MshCommandRuntime: an explicit -Verbose/-Debug decides, -Debug alone makes verbose Inquire, else the variable.</summary>
    private static bool Inquires(PSCmdlet cmdlet, string stream)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        if (bound.ContainsKey(stream))
        {
            return false;
        }
        if (stream == "Verbose" && bound.TryGetValue("Debug", out object? debug) && debug is SwitchParameter d && d.IsPresent)
        {
            return true;
        }
        object? preference = cmdlet.SessionState.PSVariable.GetValue(stream + "Preference");
        return LanguagePrimitives.TryConvertTo(preference, out ActionPreference value) && value == ActionPreference.Inquire;
    }
}
