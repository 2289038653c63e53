<#
.SYNOPSIS
    Case 2 of bench/Invoke-Bench.ps1: one first call in a fresh pwsh. Prints one JSON line and exits.

.DESCRIPTION
    Untimed setup first (a PSCredential from the environment; for -Variant Vault also the SecretManagement
    stand-in, an in-memory vault and the secret BingX in it), then the timed part:
      None       : nothing (pwsh start-up and this script: the reference for the process wall time)
      RestMethod : dot-source the hand-written function, one signed GET trade/openOrders
      Credential : Import-Module BingX; Get-BingXOpenOrder -Symbol S -Credential $cred
      Connect    : Import-Module BingX; Connect-BingX -BaseUri -Credential (clock sync); Get-BingXOpenOrder -Symbol S
      Vault      : Import-Module BingX; Get-BingXOpenOrder -Symbol S (secret 'BingX' read from the default vault)
    Environment: BENCH_BASE_URI (also BINGX_BASE_URI for the unconnected variants), BENCH_API_KEY,
    BENCH_SECRET_KEY, BENCH_GET_SYMBOL.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('None', 'RestMethod', 'Credential', 'Connect', 'Vault')] [string] $Variant,
    [string] $ModulePath,
    [string] $SecretManagementPath,
    [string] $VaultModulePath
)

$ErrorActionPreference = 'Stop'
$symbol = $env:BENCH_GET_SYMBOL
$credential = [pscredential]::new($env:BENCH_API_KEY, (ConvertTo-SecureString -String $env:BENCH_SECRET_KEY -AsPlainText -Force))

$setup = [Diagnostics.Stopwatch]::StartNew()
if ($Variant -eq 'Vault') {
    $env:PSModulePath = $SecretManagementPath + [IO.Path]::PathSeparator + $env:PSModulePath
    Import-Module Microsoft.PowerShell.SecretManagement
    Register-SecretVault -ModuleName $VaultModulePath -Name BenchVault -DefaultVault
    Set-Secret -Name BingX -Secret $credential -Vault BenchVault
}
$setupMs = $setup.Elapsed.TotalMilliseconds

$orders = 0
$watch = [Diagnostics.Stopwatch]::StartNew()
switch ($Variant) {
    'RestMethod' {
        . (Join-Path $PSScriptRoot 'BingXRestMethod.ps1')
        $importMs = $watch.Elapsed.TotalMilliseconds
        $orders = @((Invoke-BingXRequest -Method Get -Path '/openApi/spot/v1/trade/openOrders' -Parameters @{ symbol = $symbol } -ApiKey $env:BENCH_API_KEY -SecretKey $env:BENCH_SECRET_KEY -BaseUri $env:BENCH_BASE_URI).orders).Count
    }
    'Credential' {
        Import-Module $ModulePath
        $importMs = $watch.Elapsed.TotalMilliseconds
        $orders = @(Get-BingXOpenOrder -Symbol $symbol -Credential $credential).Count
    }
    'Connect' {
        Import-Module $ModulePath
        $importMs = $watch.Elapsed.TotalMilliseconds
        Connect-BingX -BaseUri $env:BENCH_BASE_URI -Credential $credential
        $orders = @(Get-BingXOpenOrder -Symbol $symbol).Count
    }
    'Vault' {
        Import-Module $ModulePath
        $importMs = $watch.Elapsed.TotalMilliseconds
        $orders = @(Get-BingXOpenOrder -Symbol $symbol).Count
    }
    default { $importMs = 0 }
}
$totalMs = $watch.Elapsed.TotalMilliseconds

[Console]::Out.WriteLine((ConvertTo-Json -Compress -InputObject @{
            variant = $Variant; setupMs = $setupMs; importMs = $importMs; callMs = $totalMs - $importMs; totalMs = $totalMs; orders = $orders
        }))
