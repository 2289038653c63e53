<#
.SYNOPSIS
    Makes the installable package: a .nupkg of out/BingX, built by Publish-PSResource, in out/package.

.DESCRIPTION
    PSResourceGet (shipped with PowerShell 7.4+) publishes a module only to a registered repository, so this
    registers a temporary local file repository under a unique name, publishes out/BingX to it, copies the .nupkg
    to -OutputPath and unregisters the repository again, also when publishing fails. The user's other repositories
    are left alone.

    Install from the result:
        Register-PSResourceRepository -Name BingXLocal -Uri <OutputPath> -Trusted
        Install-PSResource -Name BingX -Repository BingXLocal

.EXAMPLE
    dotnet pwsh -NoProfile -File ./build.ps1 -Task Package
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    # Passed by build.ps1 to every script task; the package holds the module only.
    [string] $SimulatorPath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ModulePath = [IO.Path]::GetFullPath($ModulePath)
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
$manifestPath = Join-Path $ModulePath 'BingX.psd1'
if (-not (Test-Path $manifestPath)) { throw "No module to package: '$manifestPath' does not exist. Run ./build.ps1 first." }
$version = (Import-PowerShellDataFile $manifestPath).ModuleVersion

Import-Module Microsoft.PowerShell.PSResourceGet
$repositoryName = 'BingXPackage-' + [guid]::NewGuid().ToString('n').Substring(0, 12)
$repositoryPath = Join-Path ([IO.Path]::GetTempPath()) $repositoryName
$null = New-Item -ItemType Directory -Path $repositoryPath
try {
    Register-PSResourceRepository -Name $repositoryName -Uri $repositoryPath -Trusted
    Publish-PSResource -Path $ModulePath -Repository $repositoryName

    $package = Get-ChildItem $repositoryPath -Filter '*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Publish-PSResource left no .nupkg in $repositoryPath." }
    $null = New-Item -ItemType Directory -Path $OutputPath -Force
    # One package per version in out/package: an older BingX.*.nupkg would be installed instead of nothing.
    Get-ChildItem $OutputPath -Filter 'BingX.*.nupkg' | Remove-Item
    $target = Join-Path $OutputPath $package.Name
    Copy-Item $package.FullName $target
    Write-Host "Package: $target (BingX $version)"
}
finally {
    if (Get-PSResourceRepository -Name $repositoryName -ErrorAction Ignore) {
        Unregister-PSResourceRepository -Name $repositoryName
    }
    Remove-Item $repositoryPath -Recurse -Force -ErrorAction Ignore
}
