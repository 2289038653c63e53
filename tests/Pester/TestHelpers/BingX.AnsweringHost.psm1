<#
    A PowerShell host that answers confirmation prompts by itself, for tests of what a prompt says and what happens
    around it. It records every prompt (caption, message), answers with a fixed choice, and can POST a JSON body to a
    URL while the prompt is "open" (e.g. the simulator's control API adding an order), the way a user's pause lets
    the exchange change under the confirmation.
#>

Set-StrictMode -Version Latest

if (-not ('BingXTests.AnsweringHost' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Net.Http;
using System.Security;
using System.Text;

namespace BingXTests
{
    public sealed class AnsweringHost : PSHost
    {
        private readonly AnsweringUI _ui;
        public AnsweringHost(int choice) { _ui = new AnsweringUI(choice); }
        public AnsweringUI Answering => _ui;
        public override string Name => "BingXTestsAnsweringHost";
        public override Version Version => new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;
        public override void SetShouldExit(int exitCode) { }
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
    }

    public sealed class AnsweringUI : PSHostUserInterface
    {
        private readonly int _choice;
        public AnsweringUI(int choice) { _choice = choice; }
        public List<string> Prompts { get; } = new List<string>();
        public List<string> Lines { get; } = new List<string>();
        /// <summary>POSTed (JSON) once per prompt, before it is answered, when set.</summary>
        public string DuringPromptUrl { get; set; }
        public string DuringPromptBody { get; set; }
        /// <summary>GET once per prompt, before it is answered, when set; the answers in Snapshots.</summary>
        public string SnapshotUrl { get; set; }
        public List<string> Snapshots { get; } = new List<string>();
        public override PSHostRawUserInterface RawUI => null;
        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(caption + "\n" + message);
            if (SnapshotUrl != null)
            {
                using (var client = new HttpClient())
                {
                    Snapshots.Add(client.GetStringAsync(SnapshotUrl).GetAwaiter().GetResult());
                }
            }
            if (DuringPromptUrl != null)
            {
                using (var client = new HttpClient())
                {
                    client.PostAsync(DuringPromptUrl, new StringContent(DuringPromptBody ?? "{}", Encoding.UTF8, "application/json")).GetAwaiter().GetResult().EnsureSuccessStatusCode();
                }
            }
            return _choice;
        }
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        public override void Write(string value) => Lines.Add(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Add(value);
        public override void WriteLine(string value) => Lines.Add(value);
        public override void WriteErrorLine(string value) => Lines.Add("ERROR: " + value);
        public override void WriteDebugLine(string message) => Lines.Add("DEBUG: " + message);
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) => Lines.Add("VERBOSE: " + message);
        public override void WriteWarningLine(string message) => Lines.Add("WARNING: " + message);
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
    }
}
'@
}

function Invoke-WithAnsweringHost {
    <#
    .SYNOPSIS
        Runs -Script in a new runspace whose host answers every prompt with -Choice (0 = Yes, 1 = Yes to All, 2 = No
        for ShouldProcess), after POSTing -DuringPromptBody to -DuringPromptUrl and reading -SnapshotUrl (kept in Snapshots) if given. The module is imported in
        that runspace; Connect-BingX is process-wide, so the caller's connection applies.
    .OUTPUTS
        [pscustomobject] @{ Output; Prompts; Lines; Warnings; Errors; Verbose; Debug }.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Script,
        [int] $Choice = 0,
        [string] $DuringPromptUrl,
        [string] $DuringPromptBody,
        [string] $SnapshotUrl
    )
    $testHost = [BingXTests.AnsweringHost]::new($Choice)
    if ($DuringPromptUrl) {
        $testHost.Answering.DuringPromptUrl = $DuringPromptUrl
        $testHost.Answering.DuringPromptBody = $DuringPromptBody
    }
    if ($SnapshotUrl) { $testHost.Answering.SnapshotUrl = $SnapshotUrl }
    $runspace = [runspacefactory]::CreateRunspace($testHost)
    $runspace.Open()
    $powershell = [powershell]::Create()
    $powershell.Runspace = $runspace
    try {
        $null = $powershell.AddScript("Import-Module '$env:BINGX_MODULE_PATH'; $Script")
        $output = $powershell.Invoke()
        return [pscustomobject] @{
            Output   = @($output)
            Prompts  = @($testHost.Answering.Prompts)
            Snapshots = @($testHost.Answering.Snapshots)
            Lines    = @($testHost.Answering.Lines)
            Warnings = @($powershell.Streams.Warning | ForEach-Object Message)
            Errors   = @($powershell.Streams.Error)
            Verbose  = @($powershell.Streams.Verbose | ForEach-Object Message)
            Debug    = @($powershell.Streams.Debug | ForEach-Object Message)
        }
    }
    finally {
        $powershell.Dispose()
        $runspace.Dispose()
    }
}

Export-ModuleMember -Function Invoke-WithAnsweringHost
