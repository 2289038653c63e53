<#
.SYNOPSIS
    The child-process half of Culture.Tests.ps1: runs the suite's tests tagged Core with the process's culture set
    to -Culture (started with LANG/LC_ALL for it, and set again here for every thread), and writes the outcome as
    JSON to -ResultPath.
#>
param(
    [Parameter(Mandatory)] [string] $Culture,
    [Parameter(Mandatory)] [string] $PesterManifest,
    # Test files, comma-separated (-File passes every argument as one string).
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$cultureInfo = [cultureinfo]::GetCultureInfo($Culture)
[cultureinfo]::DefaultThreadCurrentCulture = $cultureInfo
[cultureinfo]::DefaultThreadCurrentUICulture = $cultureInfo
[cultureinfo]::CurrentCulture = $cultureInfo
[cultureinfo]::CurrentUICulture = $cultureInfo
# The module is under test, not the simulators the tests start: those get the neutral culture.
$env:LANG = 'C.UTF-8'
$env:LC_ALL = 'C.UTF-8'
# The probe in Culture.Tests.ps1 checks that the tests really ran in this culture.
$env:BINGX_EXPECTED_CULTURE = $Culture

Import-Module $PesterManifest
$config = New-PesterConfiguration
$config.Run.Path = @($Path -split ',')
$config.Run.PassThru = $true
$config.Run.Exit = $false
$config.Filter.Tag = 'Core'
$config.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $config

$failures = @($result.Failed | ForEach-Object { "$($_.ExpandedPath): $(@($_.ErrorRecord)[0].Exception.Message)" }) +
    @($result.Containers | Where-Object Result -EQ 'Failed' | ForEach-Object { "$($_.Item): $(@($_.ErrorRecord)[0].Exception.Message)" })
[pscustomobject] @{
    Culture  = [cultureinfo]::CurrentCulture.Name
    Passed   = $result.PassedCount
    Failed   = $result.FailedCount + $result.FailedContainersCount
    Skipped  = $result.SkippedCount
    Failures = $failures
} | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $ResultPath -Encoding utf8
