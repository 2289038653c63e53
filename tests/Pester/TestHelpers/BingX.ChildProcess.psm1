<#
    Runs a script in a fresh pwsh, optionally as a brand-new user: a temporary HOME (and XDG folders), no inherited
    PSModulePath and no BINGX_* variables, so installs, registrations and vaults land in the temporary home and
    never in the real profile. Used by the package, demo and README tests, and wherever a test needs a fresh pwsh.
#>

Set-StrictMode -Version Latest

function Get-PwshCommandLine {
    # As a dotnet tool pwsh is 'dotnet pwsh.dll'; natively it is the pwsh executable.
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

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs -File (with -ArgumentList) or -Command in a new pwsh and returns ExitCode, StdOut, StdErr.
    .PARAMETER IsolatedHome
        Run as a new user whose home is this (new) folder: PSModulePath and BINGX_* variables are not inherited.
    .PARAMETER Environment
        Variables to set in the child; a $null value removes the variable.
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
    $pwsh = Get-PwshCommandLine
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($pwsh[0])
    foreach ($argument in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive')) { $startInfo.ArgumentList.Add($argument) }
    if ($PSCmdlet.ParameterSetName -eq 'File') {
        $startInfo.ArgumentList.Add('-File')
        $startInfo.ArgumentList.Add($File)
        foreach ($argument in $ArgumentList) { $startInfo.ArgumentList.Add($argument) }
    }
    else {
        $startInfo.ArgumentList.Add('-Command')
        $startInfo.ArgumentList.Add($Command)
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.RedirectStandardInput = $true
    $startInfo.WorkingDirectory = $WorkingDirectory

    if ($IsolatedHome) {
        foreach ($name in @($startInfo.Environment.Keys)) {
            if ($name -eq 'PSModulePath' -or $name -like 'BINGX_*') { $null = $startInfo.Environment.Remove($name) }
        }
        $isolated = New-IsolatedHome -Path $IsolatedHome
        foreach ($name in $isolated.Keys) { $startInfo.Environment[$name] = $isolated[$name] }
    }
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $null = $startInfo.Environment.Remove($name) }
        else { $startInfo.Environment[$name] = [string] $Environment[$name] }
    }

    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        $process.StandardInput.Close()
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) {
            $process.Kill($true)
            throw "The child pwsh did not finish within $TimeoutSec s. Output so far: $(if ($stdout.IsCompleted) { $stdout.Result })"
        }
        $process.WaitForExit()
        return [pscustomobject] @{
            ExitCode = $process.ExitCode
            StdOut   = $stdout.GetAwaiter().GetResult()
            StdErr   = $stderr.GetAwaiter().GetResult()
        }
    }
    finally {
        $process.Dispose()
    }
}

function Invoke-ConnectedChildPwsh {
    <#
    .SYNOPSIS
        Runs -Command in a new pwsh that imported out/BingX and connected to -BaseUri with -Account's key, and returns
        its stdout (what-if text goes to the host, so this is where tests read it). The key and secret reach the child
        through its environment, never its command line.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Account,
        [Parameter(Mandatory)] $BaseUri,
        [Parameter(Mandatory)] [string] $Command
    )
    $script = "Import-Module '$env:BINGX_MODULE_PATH'; Connect-BingX -BaseUri '$BaseUri' -Credential ([pscredential]::new(`$env:BINGX_TEST_KEY, (ConvertTo-SecureString `$env:BINGX_TEST_SECRET -AsPlainText -Force))); $Command"
    $run = Invoke-ChildPwsh -Command $script -Environment @{ BINGX_TEST_KEY = $Account.ApiKey; BINGX_TEST_SECRET = $Account.SecretKey }
    return $run.StdOut
}

Export-ModuleMember -Function Invoke-ChildPwsh, Invoke-ConnectedChildPwsh, New-IsolatedHome, Get-PwshCommandLine
