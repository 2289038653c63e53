<#
.SYNOPSIS
    Runs the Pester suite against the built module. Started by build.ps1 in a child pwsh, because a
    loaded binary module cannot be reloaded: every run gets a fresh process.

.DESCRIPTION
    Sets the environment the tests read:
      BINGX_MODULE_PATH     out/BingX (import this, never src/)
      BINGX_SIMULATOR_PATH  out/BingX.Simulator (the simulator the tests start)
      BINGX_SECRETMANAGEMENT  'real' when Microsoft.PowerShell.SecretManagement is installed,
                              'standin' when the stand-in under tests/SecretManagement is used instead.
    The last line printed is "N passed, N failed, N skipped"; the exit code is non-zero when anything failed.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SimulatorPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $TestPath,
    [string] $Tag,
    [string] $ExcludeTag
)

$ErrorActionPreference = 'Stop'

$env:BINGX_MODULE_PATH = $ModulePath
$env:BINGX_SIMULATOR_PATH = $SimulatorPath

# Prefer the real SecretManagement module; fall back to the stand-in that honours its documented contract.
if (Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement) {
    $env:BINGX_SECRETMANAGEMENT = 'real'
}
else {
    $env:BINGX_SECRETMANAGEMENT = 'standin'
    $standIn = Join-Path $PSScriptRoot 'SecretManagement'
    $env:PSModulePath = $standIn + [IO.Path]::PathSeparator + $env:PSModulePath
}

Import-Module $PesterManifest -Force

$config = New-PesterConfiguration
$testRoot = Join-Path $PSScriptRoot 'Pester'
if ($TestPath) {
    $config.Run.Path = @(
        foreach ($pattern in $TestPath -split ',') {
            Get-ChildItem $testRoot -Recurse -Filter '*.Tests.ps1' | Where-Object Name -like "*$pattern*" | ForEach-Object FullName
        })
}
else {
    $config.Run.Path = $testRoot
}
$config.Run.PassThru = $true
$config.Run.Exit = $false
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $ResultPath
if ($Tag) { $config.Filter.Tag = $Tag -split ',' }
if ($ExcludeTag) { $config.Filter.ExcludeTag = $ExcludeTag -split ',' }

Write-Host "SecretManagement: $env:BINGX_SECRETMANAGEMENT; culture: $([cultureinfo]::CurrentCulture.Name)"
$result = Invoke-Pester -Configuration $config

# A file that fails discovery or a block whose setup fails runs no tests: count those as failures too.
$failed = $result.FailedCount + $result.FailedContainersCount
$passed = $result.PassedCount
$skipped = $result.SkippedCount
$exitCode = if ($failed -gt 0 -or $passed -eq 0 -or $result.Result -ne 'Passed') { 1 } else { 0 }
[Console]::Out.WriteLine("$passed passed, $failed failed, $skipped skipped")
exit $exitCode
