#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, benchmarks, demonstrates and packages the BingX PowerShell module.

.DESCRIPTION
    Build   : dotnet publish the module and assemble a ready-to-import folder at out/BingX
              (and the simulator at out/BingX.Simulator, which tests, demo and bench talk to).
    Test    : Build, run the xUnit project (tests/BingX.PowerShell.Tests: the client's pure logic), fetch Pester from
              NuGet if missing, run the Pester suite in a child pwsh against out/BingX. The last line printed is
              "N passed, N failed, N skipped", xUnit and Pester together. -TestPath xUnit runs the xUnit project only;
              other -TestPath patterns run only the matching Pester files.
    Demo    : Build, then show the module against the bundled simulator.
    Bench   : Build, then run the benchmark suite and write bench/results.md. -BenchBefore main also builds the module
              as of that git ref and adds a before/after section (import, first call, per call) to the results.
    Package : Build, then make a .nupkg of out/BingX with Publish-PSResource (out/package).
    Clean   : remove out/ and the bin/obj folders.

.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Test: run only the test files whose name matches (e.g. 'Simulator').
    [string[]] $TestPath,

    # Test: Pester tags to include / exclude.
    [string[]] $Tag,
    [string[]] $ExcludeTag,

    # Bench: scale factor for the case counts (1 = the documented counts; tests use a tiny smoke value).
    [double] $BenchScale = 1,

    # Bench: also build the module as of this git ref (e.g. main) and add a before/after section to the results.
    [string] $BenchBefore
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = $PSScriptRoot
$OutDir = Join-Path $RepoRoot 'out'
$ModuleOut = Join-Path $OutDir 'BingX'
$SimulatorOut = Join-Path $OutDir 'BingX.Simulator'
$ModuleProject = Join-Path $RepoRoot 'src/BingX.PowerShell/BingX.PowerShell.csproj'
$SimulatorProject = Join-Path $RepoRoot 'tests/BingX.Simulator/BingX.Simulator.csproj'
$TestToolsProject = Join-Path $RepoRoot 'tests/tools/TestTools.csproj'
$UnitTestProject = Join-Path $RepoRoot 'tests/BingX.PowerShell.Tests/BingX.PowerShell.Tests.csproj'
# Get-PwshCommandLine: the child pwsh of the Test, Demo and Bench tasks, started like every other child pwsh.
Import-Module (Join-Path $RepoRoot 'tools/BingX.ChildProcess.psm1')

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-Native {
    # Runs a native command and stops the build on a non-zero exit code.
    param([string] $FilePath, [string[]] $ArgumentList)
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ProjectVersion {
    [xml] $props = Get-Content -Raw (Join-Path $RepoRoot 'Directory.Build.props')
    $version = $props.Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no <Version>.' }
    return [string] $version
}

function New-ModuleFolder([string] $SourceRoot, [string] $PublishDir, [string] $Destination, [string] $Version) {
    # Only what ships: our assembly (System.Management.Automation comes from the host), its views and the manifest
    # stamped with the version; for out/BingX and for the bench's earlier build alike.
    if (Test-Path $Destination) { Remove-Item $Destination -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $Destination
    Copy-Item (Join-Path $PublishDir 'BingX.PowerShell.dll') $Destination
    Copy-Item (Join-Path $SourceRoot 'src/BingX.PowerShell/BingX.Format.ps1xml') $Destination
    $manifest = Get-Content -Raw (Join-Path $SourceRoot 'BingX.psd1')
    $stamped = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$Version'"
    if ($stamped -eq $manifest) { throw "$SourceRoot/BingX.psd1 has no ModuleVersion line to stamp." }
    Set-Content -Path (Join-Path $Destination 'BingX.psd1') -Value $stamped -Encoding utf8NoBOM -NoNewline
}

function Invoke-Build {
    $version = Get-ProjectVersion
    $publishDir = Join-Path $OutDir 'publish/BingX.PowerShell'

    Write-Step "Publishing BingX.PowerShell $version ($Configuration)"
    Invoke-Native dotnet @('publish', $ModuleProject, '-c', $Configuration, '-o', $publishDir, '--nologo', '-v', 'quiet', '-clp:NoSummary')

    Write-Step "Assembling $ModuleOut"
    New-ModuleFolder -SourceRoot $RepoRoot -PublishDir $publishDir -Destination $ModuleOut -Version $version
    Copy-Item (Join-Path $RepoRoot 'LICENSE') $ModuleOut

    $helpBuilder = Join-Path $RepoRoot 'help/Build-Help.ps1'
    if (Test-Path $helpBuilder) {
        Write-Step 'Generating MAML help'
        & $helpBuilder -SourcePath (Join-Path $RepoRoot 'help') -OutputPath (Join-Path $ModuleOut 'en-US')
    }

    if (Test-Path $SimulatorProject) {
        Write-Step "Publishing the simulator to $SimulatorOut"
        Invoke-Native dotnet @('publish', $SimulatorProject, '-c', $Configuration, '-o', $SimulatorOut, '--nologo', '-v', 'quiet', '-clp:NoSummary')
    }
}

function Get-PesterManifestPath {
    # Pester is pinned in tests/tools/TestTools.csproj and comes from NuGet, never from the Gallery.
    [xml] $tools = Get-Content -Raw $TestToolsProject
    $pesterVersion = [string] ($tools.Project.PropertyGroup.PesterVersion | Where-Object { $_ } | Select-Object -First 1)
    $packagesRoot = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $manifestPath = Join-Path $packagesRoot "pester/$pesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifestPath)) {
        Write-Step "Fetching Pester $pesterVersion from NuGet"
        Invoke-Native dotnet @('restore', $TestToolsProject, '--nologo', '-v', 'quiet')
        if (-not (Test-Path $manifestPath)) { throw "Pester $pesterVersion was restored but $manifestPath does not exist." }
    }
    return $manifestPath
}

function Invoke-UnitTest {
    # xUnit, with a trx file to count from: its totals join Pester's in the one last line.
    $resultsDir = Join-Path $OutDir 'xunit'
    if (Test-Path $resultsDir) { Remove-Item $resultsDir -Recurse -Force }
    Write-Step 'Running xUnit (tests/BingX.PowerShell.Tests)'
    & dotnet test $UnitTestProject -c $Configuration --nologo -v quiet --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $resultsDir | Out-Host
    $trx = Join-Path $resultsDir 'xunit.trx'
    if (-not (Test-Path $trx)) {
        # It did not build or run at all: that is a failure, whatever Pester says.
        return [pscustomobject] @{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    $counters = ([xml] (Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
    $failed = [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
    if ($LASTEXITCODE -ne 0 -and $failed -eq 0) { $failed = 1 }
    return [pscustomobject] @{ Passed = [int] $counters.passed; Failed = $failed; Skipped = [int] $counters.notExecuted }
}

function Invoke-Test {
    Invoke-Build
    # -File passes 'A,B' as one string: split it here as the runner does.
    $patterns = @($TestPath | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
    $runUnit = $patterns.Count -eq 0 -or ($patterns -contains 'xUnit')
    $pesterPatterns = @($patterns | Where-Object { $_ -ne 'xUnit' })
    $unit = if ($runUnit) { Invoke-UnitTest } else { [pscustomobject] @{ Passed = 0; Failed = 0; Skipped = 0 } }
    if ($patterns.Count -gt 0 -and $pesterPatterns.Count -eq 0) {
        [Console]::Out.WriteLine("$($unit.Passed) passed, $($unit.Failed) failed, $($unit.Skipped) skipped")
        exit ([int] ($unit.Failed -gt 0 -or $unit.Passed -eq 0))
    }

    $pester = Get-PesterManifestPath
    $runner = Join-Path $RepoRoot 'tests/Invoke-PesterRun.ps1'
    $pwsh = Get-PwshCommandLine
    $runnerArgs = @('-NoProfile', '-NonInteractive', '-File', $runner,
        '-PesterManifest', $pester,
        '-ModulePath', $ModuleOut,
        '-SimulatorPath', $SimulatorOut,
        '-ResultPath', (Join-Path $OutDir 'TestResults.xml'),
        '-AlsoPassed', $unit.Passed, '-AlsoFailed', $unit.Failed, '-AlsoSkipped', $unit.Skipped)
    if ($pesterPatterns) { $runnerArgs += @('-TestPath', ($pesterPatterns -join ',')) }
    if ($Tag) { $runnerArgs += @('-Tag', ($Tag -join ',')) }
    if ($ExcludeTag) { $runnerArgs += @('-ExcludeTag', ($ExcludeTag -join ',')) }

    Write-Step 'Running Pester in a child pwsh'
    $exe = $pwsh[0]
    $pre = @($pwsh | Select-Object -Skip 1)
    & $exe @pre @runnerArgs
    # The runner prints "N passed, N failed, N skipped" last (xUnit's counts included); print nothing after it.
    exit $LASTEXITCODE
}

function Build-BeforeModule([string] $Ref) {
    # The module as of $Ref, from git (no worktree left behind): its sources, built and assembled like out/BingX.
    $root = Join-Path $OutDir 'before'
    if (Test-Path $root) { Remove-Item $root -Recurse -Force }
    $source = Join-Path $root 'src'
    $null = New-Item -ItemType Directory -Path $source
    Write-Step "Building the module as of $Ref into $root"
    $archive = Join-Path $root 'source.tar'
    Invoke-Native git @('-C', $RepoRoot, 'archive', '--format=tar', '-o', $archive, $Ref, 'src/BingX.PowerShell', 'Directory.Build.props', 'BingX.psd1') | Out-Host
    Invoke-Native tar @('-xf', $archive, '-C', $source) | Out-Host
    Invoke-Native dotnet @('publish', (Join-Path $source 'src/BingX.PowerShell/BingX.PowerShell.csproj'), '-c', $Configuration, '-o', (Join-Path $root 'publish'), '--nologo', '-v', 'quiet', '-clp:NoSummary') | Out-Host
    $module = Join-Path $root 'BingX'
    New-ModuleFolder -SourceRoot $source -PublishDir (Join-Path $root 'publish') -Destination $module -Version (Get-ProjectVersion)
    return $module
}

function Invoke-Clean {
    if (Test-Path $OutDir) { Remove-Item $OutDir -Recurse -Force }
    Get-ChildItem $RepoRoot -Directory -Recurse -Include bin, obj -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '[\\/]node_modules[\\/]' } |
        Remove-Item -Recurse -Force
    Write-Step 'Clean'
}

function Invoke-ScriptTask([string] $Script, [hashtable] $Arguments) {
    $path = Join-Path $RepoRoot $Script
    if (-not (Test-Path $path)) { throw "$Script does not exist yet." }
    Invoke-Build
    $pwsh = Get-PwshCommandLine
    $argList = @('-NoProfile', '-NonInteractive', '-File', $path, '-ModulePath', $ModuleOut, '-SimulatorPath', $SimulatorOut)
    foreach ($key in $Arguments.Keys) { $argList += @("-$key", [string] $Arguments[$key]) }
    & $pwsh[0] @($pwsh | Select-Object -Skip 1) @argList
    exit $LASTEXITCODE
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Clean' { Invoke-Clean }
    'Demo' { Invoke-ScriptTask 'demo/Invoke-Demo.ps1' @{} }
    'Bench' {
        $benchArguments = @{ Scale = $BenchScale }
        if ($BenchBefore) {
            $benchArguments.BeforeModulePath = Build-BeforeModule $BenchBefore
            $benchArguments.BeforeLabel = $BenchBefore
        }
        Invoke-ScriptTask 'bench/Invoke-Bench.ps1' $benchArguments
    }
    'Package' { Invoke-ScriptTask 'tools/New-Package.ps1' @{ OutputPath = (Join-Path $OutDir 'package') } }
}
