<#
    Child pwsh processes for the tests: the shared starter (tools/BingX.ChildProcess.psm1, which the build, the Pester
    runner and the bench use too) re-exported, plus a child already connected to the simulator.
#>

Set-StrictMode -Version Latest

Import-Module (Join-Path $PSScriptRoot '../../../tools/BingX.ChildProcess.psm1')

function Invoke-ConnectedChildPwsh {
    <#
    .SYNOPSIS
        Runs -Command in a new pwsh (-NonInteractive) that imported out/BingX and connected to -BaseUri with -Account's
        key, and returns ExitCode, StdOut and StdErr (what-if text goes to the host, so StdOut is where tests read it).
        The key and secret reach the child through its environment, never its command line.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Account,
        [Parameter(Mandatory)] $BaseUri,
        [Parameter(Mandatory)] [string] $Command
    )
    $script = "Import-Module '$env:BINGX_MODULE_PATH'; Connect-BingX -BaseUri '$BaseUri' -Credential ([pscredential]::new(`$env:BINGX_TEST_KEY, (ConvertTo-SecureString `$env:BINGX_TEST_SECRET -AsPlainText -Force))); $Command"
    return Invoke-ChildPwsh -Command $script -Environment @{ BINGX_TEST_KEY = $Account.ApiKey; BINGX_TEST_SECRET = $Account.SecretKey }
}

Export-ModuleMember -Function Invoke-ChildPwsh, Invoke-ConnectedChildPwsh, Get-PwshCommandLine, New-ChildStartInfo, Start-ChildProcess, Wait-ChildProcess
