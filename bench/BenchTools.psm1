<#
    Helpers of bench/Invoke-Bench.ps1: statistics, child processes (one-shot and long-lived runners that speak a
    line protocol over stdin/stdout), and the machine description.
#>

Set-StrictMode -Version Latest

# How a child starts (which pwsh, its environment, its output read as it comes): shared with the build and the tests.
Import-Module (Join-Path $PSScriptRoot '../tools/BingX.ChildProcess.psm1')

$script:Invariant = [cultureinfo]::InvariantCulture

function Get-Percentile {
    # Linear interpolation between the closest ranks (numpy's default), on a sorted array.
    param([double[]] $Sorted, [double] $P)
    if ($Sorted.Count -eq 0) { return [double]::NaN }
    if ($Sorted.Count -eq 1) { return $Sorted[0] }
    $rank = $P * ($Sorted.Count - 1)
    $low = [math]::Floor($rank)
    $high = [math]::Ceiling($rank)
    return $Sorted[$low] + (($Sorted[$high] - $Sorted[$low]) * ($rank - $low))
}

function Get-Statistic {
    <#
    .SYNOPSIS
        Median, p10, p90, min, max, mean and count of a series (the raw values are kept too).
    #>
    param([AllowEmptyCollection()] [double[]] $Values)
    $sorted = [double[]] @($Values | Sort-Object)
    $mean = if ($sorted.Count) { ($sorted | Measure-Object -Average).Average } else { [double]::NaN }
    return [ordered] @{
        n      = $sorted.Count
        median = Get-Percentile $sorted 0.5
        p10    = Get-Percentile $sorted 0.1
        p90    = Get-Percentile $sorted 0.9
        min    = if ($sorted.Count) { $sorted[0] } else { [double]::NaN }
        max    = if ($sorted.Count) { $sorted[-1] } else { [double]::NaN }
        mean   = $mean
        values = @($Values)
    }
}

function Measure-ChildProcess {
    <#
    .SYNOPSIS
        Starts a process, waits for it to exit, and returns its wall time (start to exit) and its stdout.
        Throws when it fails or outlives -TimeoutSeconds.
    #>
    param(
        [Parameter(Mandatory)] [string[]] $Command,
        [string[]] $ArgumentList,
        [System.Collections.IDictionary] $Environment,
        [int] $TimeoutSeconds = 60
    )
    $startInfo = New-ChildStartInfo -Command $Command -ArgumentList $ArgumentList -Environment $Environment
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $run = Wait-ChildProcess (Start-ChildProcess $startInfo) -TimeoutSec $TimeoutSeconds
    $wallMs = $watch.Elapsed.TotalMilliseconds
    if ($run.TimedOut) { throw "'$($ArgumentList -join ' ')' did not finish within $TimeoutSeconds s." }
    if ($run.ExitCode -ne 0) { throw "'$($ArgumentList -join ' ')' exited with $($run.ExitCode): $($run.StdErr) $($run.StdOut)" }
    return [pscustomobject] @{ WallMs = $wallMs; Output = $run.StdOut; Error = $run.StdErr }
}

function Start-BenchRunner {
    <#
    .SYNOPSIS
        Starts a long-lived runner and waits for its {"ready":true} line. Returns the runner (Process, Ready = the
        parsed ready line, Name).
    #>
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string[]] $Command,
        [string[]] $ArgumentList,
        [System.Collections.IDictionary] $Environment,
        [string] $WorkingDirectory,
        [int] $TimeoutSeconds = 60
    )
    $child = Start-ChildProcess (New-ChildStartInfo -Command $Command -ArgumentList $ArgumentList -Environment $Environment -WorkingDirectory $WorkingDirectory) -Conversation
    $runner = [pscustomobject] @{ Name = $Name; Process = $child.Process; Ready = $null; Error = $child.StdErr }
    $ready = Read-RunnerLine $runner $TimeoutSeconds
    if (-not ($ready.PSObject.Properties.Name -contains 'ready') -or -not $ready.ready) {
        Stop-BenchRunner $runner
        throw "Runner $Name did not start: $($ready | ConvertTo-Json -Compress)"
    }
    $runner.Ready = $ready
    return $runner
}

function Read-RunnerLine {
    # The next JSON line from the runner (lines that are not JSON objects are skipped).
    param($Runner, [int] $TimeoutSeconds)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $remaining = $deadline - [DateTime]::UtcNow
        if ($remaining -le [TimeSpan]::Zero) { throw "Runner $($Runner.Name) did not answer within $TimeoutSeconds s." }
        $read = $Runner.Process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait($remaining)) { throw "Runner $($Runner.Name) did not answer within $TimeoutSeconds s." }
        $line = $read.Result
        if ($null -eq $line) {
            $errorText = if ($Runner.Error.Wait(2000)) { $Runner.Error.Result } else { '' }
            throw "Runner $($Runner.Name) ended unexpectedly. stderr: $errorText"
        }
        if ($line.TrimStart().StartsWith('{')) { return ConvertFrom-Json -InputObject $line }
    }
}

function Invoke-BenchRunner {
    <#
    .SYNOPSIS
        Sends one command line ("get 50", "cancel 50", "memory") and returns the parsed answer. Throws on a
        reported error.
    #>
    param([Parameter(Mandatory)] $Runner, [Parameter(Mandatory)] [string] $Line, [int] $TimeoutSeconds = 300)
    $Runner.Process.StandardInput.WriteLine($Line)
    $Runner.Process.StandardInput.Flush()
    $answer = Read-RunnerLine $Runner $TimeoutSeconds
    if ($answer.PSObject.Properties.Name -contains 'error' -and $answer.error) {
        throw "Runner $($Runner.Name) failed on '$Line': $($answer.error)"
    }
    return $answer
}

function Stop-BenchRunner {
    param([Parameter(Mandatory)] [AllowNull()] $Runner)
    if ($null -eq $Runner) { return }
    $process = $Runner.Process
    try {
        if (-not $process.HasExited) {
            try { $process.StandardInput.WriteLine('exit'); $process.StandardInput.Close() } catch { }
            if (-not $process.WaitForExit(5000)) { $process.Kill($true) }
        }
        $process.WaitForExit()
    }
    catch [InvalidOperationException] { }
    finally { $process.Dispose() }
}

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { return ((Get-Content /proc/loadavg -Raw) -split ' ')[0..2] -join ' ' }
    return 'n/a'
}

function Get-MachineDescription {
    param([string] $RepoRoot)
    $cpu = 'unknown'
    if (Test-Path /proc/cpuinfo) {
        $line = Get-Content /proc/cpuinfo | Where-Object { $_ -match '^model name' } | Select-Object -First 1
        if ($line) { $cpu = ($line -split ':', 2)[1].Trim() }
    }
    $memory = [System.GC]::GetGCMemoryInfo().TotalAvailableMemoryBytes
    if (Test-Path /proc/meminfo) {
        $line = Get-Content /proc/meminfo | Where-Object { $_ -match '^MemTotal' } | Select-Object -First 1
        if ($line -match '(\d+)\s*kB') { $memory = [long] $Matches[1] * 1024 }
    }
    $commit = $null
    try {
        $commit = (& git -C $RepoRoot rev-parse --short HEAD 2>$null)
        $dirty = (& git -C $RepoRoot status --porcelain --untracked-files=no 2>$null)
        if ($dirty) { $commit += ' (with uncommitted changes)' }
    }
    catch { }
    return [ordered] @{
        date        = [DateTimeOffset]::UtcNow.ToString('yyyy-MM-dd HH:mm:ss', $script:Invariant) + ' UTC'
        cores       = [Environment]::ProcessorCount
        cpu         = $cpu
        memoryGiB   = [math]::Round($memory / 1GB, 1)
        os          = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
        dotnet      = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        pwsh        = [string] $PSVersionTable.PSVersion
        commit      = $commit
        loadAverage = Get-LoadAverage
    }
}

Export-ModuleMember -Function Get-Statistic, Get-PwshCommandLine, Measure-ChildProcess, Start-BenchRunner, Invoke-BenchRunner,
    Stop-BenchRunner, Get-LoadAverage, Get-MachineDescription
