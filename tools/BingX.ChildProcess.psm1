<#
    Child processes, started one way for the build, the Pester runner and its shards, the tests and the bench:
    - which pwsh: as the dotnet tool it is 'dotnet pwsh.dll', natively the pwsh executable (Get-PwshCommandLine);
    - its environment, optionally a brand-new user: a temporary HOME (and XDG folders), no inherited PSModulePath and
      no BINGX_* variables, so installs, registrations and vaults land there and never in the real profile;
    - its output read while it runs by .NET tasks (a script block cannot run on their threads), so a chatty child
      never blocks on a full pipe.
    No dependency on the test helpers: bench/ and build.ps1 import this file too.
#>

Set-StrictMode -Version Latest

function Get-PwshCommandLine {
    <# .SYNOPSIS The program and leading arguments that start this pwsh again. #>
    $processPath = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
        return @($processPath, (Join-Path $PSHOME 'pwsh.dll'))
    }
    return @($processPath)
}

function New-IsolatedHome {
    <# .SYNOPSIS A fresh, empty home folder with its XDG folders; returns the environment that points at it. #>
    param([Parameter(Mandatory)] [string] $Path)
    $null = New-Item -ItemType Directory -Path $Path -Force
    $environment = @{
        HOME            = $Path
        USERPROFILE     = $Path
        XDG_DATA_HOME   = Join-Path $Path '.local/share'
        XDG_CONFIG_HOME = Join-Path $Path '.config'
        XDG_CACHE_HOME  = Join-Path $Path '.cache'
        LOCALAPPDATA    = Join-Path $Path 'AppData/Local'
        APPDATA         = Join-Path $Path 'AppData/Roaming'
    }
    foreach ($folder in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME') { $null = New-Item -ItemType Directory -Path $environment[$folder] -Force }
    return $environment
}

function New-ChildStartInfo {
    <#
    .SYNOPSIS
        How to start a child: -Command (program and leading arguments; by default this pwsh with -NoProfile
        -NonInteractive) followed by -ArgumentList.
    .PARAMETER Environment
        Variables to set in the child; a $null value removes the variable.
    .PARAMETER IsolatedHome
        Run as a new user whose home is this (new) folder: PSModulePath and BINGX_* variables are not inherited.
    .PARAMETER Live
        Nothing redirected: the child writes to this console.
    #>
    param(
        [string[]] $Command = (@(Get-PwshCommandLine) + @('-NoProfile', '-NonInteractive')),
        [object[]] $ArgumentList = @(),
        [System.Collections.IDictionary] $Environment = @{},
        [string] $IsolatedHome,
        [string] $WorkingDirectory,
        [switch] $Live
    )
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($Command[0])
    foreach ($argument in $Command | Select-Object -Skip 1) { $startInfo.ArgumentList.Add($argument) }
    foreach ($argument in $ArgumentList) { $startInfo.ArgumentList.Add([string] $argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = -not $Live
    $startInfo.RedirectStandardError = -not $Live
    $startInfo.RedirectStandardInput = -not $Live
    if ($WorkingDirectory) { $startInfo.WorkingDirectory = $WorkingDirectory }
    if ($IsolatedHome) {
        foreach ($name in @($startInfo.Environment.Keys)) {
            if ($name -eq 'PSModulePath' -or $name -like 'BINGX_*') { $null = $startInfo.Environment.Remove($name) }
        }
        $isolated = New-IsolatedHome -Path $IsolatedHome
        foreach ($name in $isolated.Keys) { $startInfo.Environment[$name] = $isolated[$name] }
    }
    foreach ($name in @(if ($Environment) { $Environment.Keys })) {
        if ($null -eq $Environment[$name]) { $null = $startInfo.Environment.Remove($name) }
        else { $startInfo.Environment[$name] = [string] $Environment[$name] }
    }
    return $startInfo
}

function Start-ChildProcess {
    <#
    .SYNOPSIS
        Starts the child; returns Process, and StdOut and StdErr: tasks that read each redirected stream to its end
        ($null where not redirected).
    .PARAMETER Conversation
        Stdin stays open and stdout is left to the caller to read line by line (a runner that answers commands).
        Otherwise stdin is closed at once.
    #>
    param([Parameter(Mandatory, Position = 0)] [System.Diagnostics.ProcessStartInfo] $StartInfo, [switch] $Conversation)
    $process = [System.Diagnostics.Process]::Start($StartInfo)
    $child = [pscustomobject] @{ Process = $process; StdOut = $null; StdErr = $null }
    if ($StartInfo.RedirectStandardInput -and -not $Conversation) { $process.StandardInput.Close() }
    if ($StartInfo.RedirectStandardOutput -and -not $Conversation) { $child.StdOut = $process.StandardOutput.ReadToEndAsync() }
    if ($StartInfo.RedirectStandardError) { $child.StdErr = $process.StandardError.ReadToEndAsync() }
    return $child
}

function Wait-ChildProcess {
    <#
    .SYNOPSIS
        Waits for a child of Start-ChildProcess to end (for -TimeoutSec at most, then kills it and its children) and
        returns ExitCode, StdOut, StdErr and TimedOut. The process is disposed.
    #>
    param([Parameter(Mandatory, Position = 0)] $Child, [int] $TimeoutSec = 0)
    $process = $Child.Process
    try {
        $timedOut = $TimeoutSec -gt 0 -and -not $process.WaitForExit($TimeoutSec * 1000)
        if ($timedOut) { $process.Kill($true) }
        $process.WaitForExit()
        return [pscustomobject] @{
            ExitCode = $process.ExitCode
            StdOut   = if ($Child.StdOut) { $Child.StdOut.GetAwaiter().GetResult() } else { '' }
            StdErr   = if ($Child.StdErr) { $Child.StdErr.GetAwaiter().GetResult() } else { '' }
            TimedOut = $timedOut
        }
    }
    finally {
        $process.Dispose()
    }
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs -File (with -ArgumentList) or -Command in a new pwsh to its end and returns ExitCode, StdOut, StdErr.
        Throws when it outlives -TimeoutSec. -IsolatedHome and -Environment as in New-ChildStartInfo.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Command')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'File')] [string] $File,
        [Parameter(ParameterSetName = 'File')] [string[]] $ArgumentList = @(),
        [Parameter(Mandatory, ParameterSetName = 'Command')] [string] $Command,
        [string] $IsolatedHome,
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = (Get-Location).ProviderPath,
        [int] $TimeoutSec = 120
    )
    $arguments = if ($PSCmdlet.ParameterSetName -eq 'File') { @('-File', $File) + $ArgumentList } else { @('-Command', $Command) }
    $startInfo = New-ChildStartInfo -ArgumentList $arguments -Environment $Environment -IsolatedHome $IsolatedHome -WorkingDirectory $WorkingDirectory
    $run = Wait-ChildProcess (Start-ChildProcess $startInfo) -TimeoutSec $TimeoutSec
    if ($run.TimedOut) { throw "The child pwsh did not finish within $TimeoutSec s. Output so far: $($run.StdOut)" }
    return $run | Select-Object ExitCode, StdOut, StdErr
}

Export-ModuleMember -Function Get-PwshCommandLine, New-ChildStartInfo, Start-ChildProcess, Wait-ChildProcess, Invoke-ChildPwsh
