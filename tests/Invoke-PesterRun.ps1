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
    The last line printed is "N passed, N failed, N skipped" (plus the -Also* counts of the xUnit run build.ps1 did
    first); the exit code is non-zero when anything failed.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SimulatorPath,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string] $TestPath,
    [string] $Tag,
    [string] $ExcludeTag,

    # Counts of the xUnit run that build.ps1 did before, added to the last line (and a failure there fails the run).
    [int] $AlsoPassed,
    [int] $AlsoFailed,
    [int] $AlsoSkipped,

    # Test files run in this many child processes at once (default: up to 2, one per core). Most tests wait on the
    # simulator (rate limits, delays, child processes), so two shards nearly halve the wall time on 2 cores.
    [ValidateRange(1, 8)]
    [int] $Shards = [Math]::Min(2, [Environment]::ProcessorCount),

    # Internal: the files of one shard (';'-joined) and where it writes its counts.
    [string] $ShardFiles,
    [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'

$env:BINGX_MODULE_PATH = $ModulePath
$env:BINGX_SIMULATOR_PATH = $SimulatorPath

# Prefer the real SecretManagement module; fall back to the stand-in that honours its documented contract.
# A shard inherits the decision (its PSModulePath already holds the stand-in).
if (-not $env:BINGX_SECRETMANAGEMENT) {
    if (Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement) {
        $env:BINGX_SECRETMANAGEMENT = 'real'
    }
    else {
        $env:BINGX_SECRETMANAGEMENT = 'standin'
        $standIn = Join-Path $PSScriptRoot 'SecretManagement'
        $env:PSModulePath = $standIn + [IO.Path]::PathSeparator + $env:PSModulePath
    }
}

$testRoot = Join-Path $PSScriptRoot 'Pester'
$files = if ($ShardFiles) {
    @($ShardFiles -split ';')
}
elseif ($TestPath) {
    @(foreach ($pattern in $TestPath -split ',') {
            Get-ChildItem $testRoot -Recurse -Filter '*.Tests.ps1' | Where-Object Name -like "*$pattern*" | ForEach-Object FullName
        }) | Select-Object -Unique
}
else {
    @(Get-ChildItem $testRoot -Recurse -Filter '*.Tests.ps1' | Sort-Object FullName | ForEach-Object FullName)
}

function Get-ShardPlan([string[]] $Paths, [int] $Count) {
    # Longest first onto the least loaded shard. Durations: the last run's NUnit files when present, else hints for the
    # files known to be slow (a stale hint costs only balance, never a result).
    $hints = @{ 'Hygiene.Tests.ps1' = 48; 'Reliability.Faults.Tests.ps1' = 24; 'Bench.Tests.ps1' = 19; 'NewBingXOrder.Tests.ps1' = 18
        'Culture.Tests.ps1' = 16; 'Reliability.RateLimit.Tests.ps1' = 14; 'StopBingXOpenOrder.Tests.ps1' = 13
        'Reliability.Concurrency.Tests.ps1' = 12; 'Simulator.RateLimits.Tests.ps1' = 9; 'Completion.Tests.ps1' = 6 }
    $measured = @{}
    foreach ($xml in Get-ChildItem (Split-Path $ResultPath) -Filter 'TestResults*.xml' -ErrorAction SilentlyContinue) {
        try {
            foreach ($suite in ([xml] (Get-Content -Raw $xml.FullName)).SelectNodes('//test-suite[@name]')) {
                if ($suite.name -like '*.Tests.ps1') { $measured[(Split-Path -Leaf $suite.name)] = [double] $suite.time }
            }
        }
        catch { Write-Verbose "Ignoring unreadable $($xml.Name)." }
    }
    $weighted = foreach ($path in $Paths) {
        $leaf = Split-Path -Leaf $path
        $weight = if ($measured.ContainsKey($leaf)) { $measured[$leaf] } elseif ($hints.ContainsKey($leaf)) { $hints[$leaf] } else { 3 }
        [pscustomobject] @{ Path = $path; Weight = $weight }
    }
    $plan = @(for ($i = 0; $i -lt $Count; $i++) { [pscustomobject] @{ Files = [Collections.Generic.List[string]]::new(); Load = 0.0 } })
    foreach ($item in $weighted | Sort-Object Weight -Descending) {
        $target = $plan | Sort-Object Load | Select-Object -First 1
        $target.Files.Add($item.Path)
        $target.Load += $item.Weight
    }
    return $plan | Where-Object { $_.Files.Count -gt 0 }
}

if (-not $ShardFiles -and $Shards -gt 1 -and $files.Count -gt 1) {
    # Coordinator: start the shards, show the first one live and the others when they end, then add up.
    Import-Module (Join-Path $PSScriptRoot '../tools/BingX.ChildProcess.psm1') -Force
    $outDir = Split-Path $ResultPath
    Get-ChildItem $outDir -Filter 'TestResults-*.xml' -ErrorAction SilentlyContinue | Remove-Item -Force
    $plan = @(Get-ShardPlan $files ([Math]::Min($Shards, $files.Count)))
    $running = for ($i = 0; $i -lt $plan.Count; $i++) {
        $number = $i + 1
        $arguments = @('-File', $PSCommandPath, '-PesterManifest', $PesterManifest, '-ModulePath', $ModulePath, '-SimulatorPath', $SimulatorPath,
            '-ResultPath', (Join-Path $outDir "TestResults-$number.xml"), '-ShardFiles', ($plan[$i].Files -join ';'),
            '-SummaryPath', (Join-Path $outDir "TestSummary-$number.json"))
        if ($Tag) { $arguments += @('-Tag', $Tag) }
        if ($ExcludeTag) { $arguments += @('-ExcludeTag', $ExcludeTag) }
        # Shard 1 writes to this console; the others' output is kept (read as it comes) and shown when they end.
        $child = Start-ChildProcess (New-ChildStartInfo -ArgumentList $arguments -Live:($i -eq 0))
        [pscustomobject] @{ Number = $number; Child = $child; Files = $plan[$i].Files.Count }
    }
    Write-Host "Running $($files.Count) test files in $($plan.Count) shards; shard 1 shows live, the others when they end."
    $passed = 0; $failed = 0; $skipped = 0; $exitCode = 0
    foreach ($shard in $running) {
        $run = Wait-ChildProcess $shard.Child
        if ($shard.Number -gt 1) {
            Write-Host "---- shard $($shard.Number) ($($shard.Files) files) ----"
            [Console]::Out.Write($run.StdOut + $run.StdErr)
        }
        $summaryFile = Join-Path $outDir "TestSummary-$($shard.Number).json"
        if (Test-Path $summaryFile) {
            $summary = Get-Content -Raw $summaryFile | ConvertFrom-Json
            $passed += $summary.Passed; $failed += $summary.Failed; $skipped += $summary.Skipped
        }
        else {
            # A shard that died before writing its counts has failed, whatever it ran.
            $failed += 1
        }
        if ($run.ExitCode -ne 0) { $exitCode = 1 }
    }
    $passed += $AlsoPassed; $failed += $AlsoFailed; $skipped += $AlsoSkipped
    if ($failed -gt 0 -or $passed -eq 0) { $exitCode = 1 }
    [Console]::Out.WriteLine("$passed passed, $failed failed, $skipped skipped")
    exit $exitCode
}

Import-Module $PesterManifest -Force

$config = New-PesterConfiguration
$config.Run.Path = $files
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
if ($SummaryPath) {
    @{ Passed = $passed; Failed = $failed; Skipped = $skipped } | ConvertTo-Json | Set-Content -Path $SummaryPath -Encoding utf8NoBOM
}
else {
    # Not a shard: this line is the run's total.
    $passed += $AlsoPassed; $failed += $AlsoFailed; $skipped += $AlsoSkipped
    if ($AlsoFailed -gt 0) { $exitCode = 1 }
}
[Console]::Out.WriteLine("$passed passed, $failed failed, $skipped skipped")
exit $exitCode
