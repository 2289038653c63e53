#Requires -Version 7.4
<#
.SYNOPSIS
    Benchmarks the BingX module against what users would do otherwise, side by side, and writes bench/results.md.

.DESCRIPTION
    Run through the build: dotnet pwsh -NoProfile -File ./build.ps1 -Task Bench [-BenchScale 0.05]
    Cases (bench/README.md says what each one means):
      1 Import      fresh pwsh that imports the module vs one that does not (and vs a reference binary module)
      2 FirstCall   fresh pwsh: import + credential read + first signed request, vs the hand-written function
      3 SteadyState per-call cost of Get-BingXOpenOrder / Stop-BingXOpenOrder vs a bare HttpClient loop (floor),
                    the hand-written Invoke-RestMethod function, and ccxt's bingx class; rounds interleaved
      4 BulkCancel  (Get-BingXOpenOrder).Symbol | Sort-Object -Unique | Stop-BingXOpenOrder -Force over many symbols with rate limits on, vs the
                    floor the rate limits allow
      5 Memory      working set and GC heap of the case 3 processes (taken while case 3 runs)
      6 Placement   what keeping .NET from resending a write costs per order placed: a MARKET order POST over a
                    pooled connection without a content object (before) vs with an empty one (the module now), vs a
                    never-reused connection (Connection: close), all from the C# floor, beside New-BingXOrder itself
    Every case reports median and spread over repeated runs and a ratio against a baseline measured in this run.

.PARAMETER Scale
    Multiplies the documented counts (1 = 15 import runs, 10 first-call runs, 1000 calls per operation, 10 symbols x
    100 orders, 3 bulk runs). The smoke test uses 0.01.

.PARAMETER OutputPath
    The Markdown report (default bench/results.md); the raw numbers go to the same name with .json.

.PARAMETER Case
    Run only these cases (for working on one). Memory comes with SteadyState.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SimulatorPath,
    [ValidateRange(0.001, 10)] [double] $Scale = 1,
    [string] $OutputPath = (Join-Path $PSScriptRoot 'results.md'),
    [ValidateSet('Import', 'FirstCall', 'SteadyState', 'BulkCancel', 'Placement')] [string[]] $Case = @('Import', 'FirstCall', 'SteadyState', 'BulkCancel', 'Placement'),

    # An earlier build of the module (build.ps1 -BenchBefore <git ref> makes one): it runs next to this build in
    # cases 1-3 (adjacent pairs, one more first-call variant, one more steady-state client) and the report gains a
    # before/after section of paired ratios.
    [string] $BeforeModulePath,
    [string] $BeforeLabel = 'before'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '..'))
$ModulePath = [IO.Path]::GetFullPath($ModulePath)
$SimulatorPath = [IO.Path]::GetFullPath($SimulatorPath)
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
if ($BeforeModulePath) { $BeforeModulePath = [IO.Path]::GetFullPath($BeforeModulePath) }
$JsonPath = [IO.Path]::ChangeExtension($OutputPath, '.json')
$OutRoot = Split-Path $ModulePath -Parent
$env:BINGX_SIMULATOR_PATH = $SimulatorPath

Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1') -Force
Import-Module (Join-Path $RepoRoot 'tests/Pester/TestHelpers/BingX.TestHelpers.psd1') -Force
. (Join-Path $PSScriptRoot 'Format-BenchReport.ps1')

function Get-Scaled([double] $Documented, [int] $Minimum) {
    return [math]::Max($Minimum, [int] [math]::Round($Documented * $Scale))
}

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

# The counts, from the documented ones (bench/README.md).
$counts = [ordered] @{
    importRuns       = Get-Scaled 15 1
    firstCallRuns    = Get-Scaled 10 1
    callsPerOp       = Get-Scaled 1000 4
    rounds           = [math]::Min(40, (Get-Scaled 40 2))
    warmupCalls      = Get-Scaled 100 2
    bulkSymbols      = [math]::Min(10, (Get-Scaled 10 3))
    bulkOrdersPerSym = Get-Scaled 100 1
    bulkRuns         = Get-Scaled 3 1
}
$counts.batch = [math]::Max(1, [int] [math]::Round($counts.callsPerOp / $counts.rounds))
$counts.callsPerOp = $counts.batch * $counts.rounds
# One unmeasured start of each kind first (disk cache, JIT of pwsh itself) when there are enough runs to afford it.
$warmupProcesses = if ($counts.importRuns -ge 3) { 1 } else { 0 }

$pwsh = Get-PwshCommandLine
$floorCommand = $null   # Get-HttpClientFloor builds it on first use
$getSymbol = 'BTC-USDT'
$cancelSymbol = 'ETH-USDT'
$seededOpen = 10
$tradableSymbols = 'BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'XRP-USDT', 'DOGE-USDT', 'BNB-USDT', 'ADA-USDT', 'LTC-USDT', 'TRX-USDT', 'GM-USDT'

$results = [ordered] @{
    machine = Get-MachineDescription -RepoRoot $RepoRoot
    scale   = $Scale
    counts  = $counts
    notes   = [System.Collections.Generic.List[string]]::new()
    cases   = [ordered] @{}
}
$results.machine.moduleVersion = (Import-PowerShellDataFile (Join-Path $ModulePath 'BingX.psd1')).ModuleVersion
$benchWatch = [Diagnostics.Stopwatch]::StartNew()

function New-SeededAccount {
    # An account with $seededOpen open orders on the symbol the GET cases read, and nothing on the cancel symbol.
    $account = New-SimAccount -Simulator $sim
    $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol $getSymbol -Side BUY -Price '30000' -Quantity '0.001' -Count $seededOpen
    return $account
}

function Get-RunnerEnvironment($Account) {
    return @{
        BENCH_BASE_URI      = [string] $sim.BaseUri
        BINGX_BASE_URI      = [string] $sim.BaseUri
        BENCH_API_KEY       = $Account.ApiKey
        BENCH_SECRET_KEY    = $Account.SecretKey
        BENCH_GET_SYMBOL    = $getSymbol
        BENCH_CANCEL_SYMBOL = $cancelSymbol
    }
}

function Get-RequestShape($Request) {
    # What a client sent, without the values that change per request: method, path, parameter names in order.
    $names = @(if ($Request.query) { $Request.query -split '&' | ForEach-Object { ($_ -split '=', 2)[0] } })
    return [ordered] @{
        method     = $Request.method
        path       = $Request.path
        parameters = $names -join '&'
        bodyBytes  = if ($Request.body) { $Request.body.Length } else { 0 }
        userAgent  = @($Request.headers.PSObject.Properties | Where-Object Name -EQ 'User-Agent' | ForEach-Object Value) -join ''
        code       = $Request.code
    }
}

# ---------------------------------------------------------------------------------------------------------------
# Case 1: import cost in a fresh pwsh
# ---------------------------------------------------------------------------------------------------------------
function Invoke-ImportCase {
    Write-Step "Case 1: import cost ($($counts.importRuns) fresh pwsh per variant, interleaved)"
    # Only the real (binary) module: under the test runner the script stand-in from tests/SecretManagement is on the path.
    $reference = Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement | Where-Object ModuleType -EQ 'Binary' | Select-Object -First 1
    $referenceNote = 'Microsoft.PowerShell.SecretManagement (installed)'
    if (-not $reference) {
        # The real SecretManagement is on the PowerShell Gallery only; PSResourceGet ships inside pwsh and is binary too.
        $reference = Get-Module -ListAvailable -Name Microsoft.PowerShell.PSResourceGet | Select-Object -First 1
        $referenceNote = 'Microsoft.PowerShell.PSResourceGet (Microsoft.PowerShell.SecretManagement is not installed; PSResourceGet ships with pwsh and is a binary module too)'
    }
    $template = '$w = [Diagnostics.Stopwatch]::StartNew(); {0}; [Console]::Out.Write($w.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture))'
    $variants = [ordered] @{ 'pwsh (no import)' = '$null'; 'Import-Module BingX' = "Import-Module '$ModulePath'" }
    if ($reference) { $variants["Import-Module $($reference.Name)"] = "Import-Module '$($reference.Path)'" }

    $names = @($variants.Keys)
    $wall = @{}; $inProcess = @{}
    foreach ($name in $names) { $wall[$name] = [System.Collections.Generic.List[double]]::new(); $inProcess[$name] = [System.Collections.Generic.List[double]]::new() }
    for ($run = -$warmupProcesses; $run -lt $counts.importRuns; $run++) {
        # Rotate the order every run so that drift and "who goes first" fall on every variant alike.
        $offset = [math]::Max(0, $run) % $names.Count
        foreach ($i in 0..($names.Count - 1)) {
            $name = $names[($i + $offset) % $names.Count]
            $code = $template -f $variants[$name]
            $measured = Measure-ChildProcess -Command $pwsh -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', $code)
            if ($run -ge 0) {
                $wall[$name].Add($measured.WallMs)
                $inProcess[$name].Add([double]::Parse($measured.Output.Trim(), [cultureinfo]::InvariantCulture))
            }
        }
    }

    $base = $names[0]
    $case = [ordered] @{ reference = $referenceNote; variants = [ordered] @{} }
    foreach ($name in $names) {
        $paired = for ($i = 0; $i -lt $wall[$name].Count; $i++) { $wall[$name][$i] - $wall[$base][$i] }
        $case.variants[$name] = [ordered] @{
            wallMs      = Get-Statistic $wall[$name]
            addedMs     = Get-Statistic @($paired)
            inProcessMs = Get-Statistic $inProcess[$name]
        }
    }
    if ($BeforeModulePath) { $case.interleavedBefore = Measure-ImportAgainstBefore $template }
    $case.target = [ordered] @{
        text     = 'Import adds under 150 ms to a fresh pwsh'
        measured = $case.variants['Import-Module BingX'].addedMs.median
        limit    = 150
        met      = $case.variants['Import-Module BingX'].addedMs.median -lt 150
    }
    $results.cases.import = $case
}

function Measure-ImportAgainstBefore([string] $Template) {
    # This build and the earlier one in adjacent pairs, the order alternated every pair: import time drifts with the
    # machine's load, and a process started right after another variant inherits its page cache, so only a pair of
    # neighbours compares the two builds. Twice the case's runs, because a ratio of two noisy times is noisier still.
    $sides = [ordered] @{ after = $ModulePath; before = $BeforeModulePath }
    $inProcess = @{ after = [System.Collections.Generic.List[double]]::new(); before = [System.Collections.Generic.List[double]]::new() }
    $wall = @{ after = [System.Collections.Generic.List[double]]::new(); before = [System.Collections.Generic.List[double]]::new() }
    for ($pair = -$warmupProcesses; $pair -lt 2 * $counts.importRuns; $pair++) {
        $order = if ($pair % 2) { 'before', 'after' } else { 'after', 'before' }
        foreach ($side in $order) {
            $code = $Template -f "Import-Module '$($sides[$side])'"
            $measured = Measure-ChildProcess -Command $pwsh -ArgumentList @('-NoProfile', '-NonInteractive', '-Command', $code)
            if ($pair -ge 0) {
                $wall[$side].Add($measured.WallMs)
                $inProcess[$side].Add([double]::Parse($measured.Output.Trim(), [cultureinfo]::InvariantCulture))
            }
        }
    }
    return [ordered] @{
        label             = $BeforeLabel
        afterInProcessMs  = Get-Statistic $inProcess.after
        beforeInProcessMs = Get-Statistic $inProcess.before
        inProcessRatio    = Get-Statistic @(for ($i = 0; $i -lt $inProcess.after.Count; $i++) { $inProcess.after[$i] / $inProcess.before[$i] })
        wallRatio         = Get-Statistic @(for ($i = 0; $i -lt $wall.after.Count; $i++) { $wall.after[$i] / $wall.before[$i] })
    }
}

# ---------------------------------------------------------------------------------------------------------------
# Case 2: first call in a fresh process
# ---------------------------------------------------------------------------------------------------------------
function Invoke-FirstCallCase {
    Write-Step "Case 2: first call in a fresh pwsh ($($counts.firstCallRuns) runs per variant, interleaved)"
    $account = New-SeededAccount
    $environment = Get-RunnerEnvironment $account
    $script = Join-Path $PSScriptRoot 'Runners/FirstCall.ps1'
    $names = @('None', 'RestMethod', 'Credential', 'Connect', 'Vault')
    # The earlier build's first call, as one more variant of every round.
    $beforeName = 'Credential (before)'
    if ($BeforeModulePath) { $names += $beforeName }
    $series = @{}
    foreach ($name in $names) { $series[$name] = [System.Collections.Generic.List[object]]::new() }
    for ($run = -$warmupProcesses; $run -lt $counts.firstCallRuns; $run++) {
        $offset = [math]::Max(0, $run) % $names.Count
        foreach ($i in 0..($names.Count - 1)) {
            $name = $names[($i + $offset) % $names.Count]
            $variant, $module = if ($name -eq $beforeName) { 'Credential', $BeforeModulePath } else { $name, $ModulePath }
            $arguments = @('-NoProfile', '-NonInteractive', '-File', $script, '-Variant', $variant, '-ModulePath', $module,
                '-SecretManagementPath', (Join-Path $RepoRoot 'tests/SecretManagement'),
                '-VaultModulePath', (Join-Path $RepoRoot 'tests/SecretManagement/BingX.ContractVault'))
            $measured = Measure-ChildProcess -Command $pwsh -ArgumentList $arguments -Environment $environment
            $answer = ($measured.Output -split "`n" | Where-Object { $_.TrimStart().StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
            if ($name -ne 'None' -and $answer.orders -ne $seededOpen) {
                throw "First call ($name) returned $($answer.orders) orders, expected $seededOpen."
            }
            if ($run -ge 0) {
                $series[$name].Add([pscustomobject] @{ wall = $measured.WallMs; total = $answer.totalMs; import = $answer.importMs; call = $answer.callMs; setup = $answer.setupMs })
            }
        }
    }
    $case = [ordered] @{ variants = [ordered] @{} }
    $baseline = $series['RestMethod']
    foreach ($name in $names) {
        $rows = $series[$name]
        $case.variants[$name] = [ordered] @{
            # Paired with the function's run of the same round (the variants of a round run back to back).
            totalVsFunction = Get-Statistic @(for ($i = 0; $i -lt $rows.Count; $i++) { $rows[$i].total / $baseline[$i].total })
            wallVsFunction  = Get-Statistic @(for ($i = 0; $i -lt $rows.Count; $i++) { $rows[$i].wall / $baseline[$i].wall })
            wallMs   = Get-Statistic @($rows.wall)
            totalMs  = Get-Statistic @($rows.total)
            importMs = Get-Statistic @($rows.import)
            callMs   = Get-Statistic @($rows.call)
            setupMs  = Get-Statistic @($rows.setup)
        }
    }
    if ($BeforeModulePath) {
        $mine = $series['Credential']; $theirs = $series[$beforeName]
        $case.interleavedBefore = [ordered] @{
            label   = $BeforeLabel
            totalRatio = Get-Statistic @(for ($i = 0; $i -lt $mine.Count; $i++) { $mine[$i].total / $theirs[$i].total })
        }
    }
    $results.cases.firstCall = $case
}

# ---------------------------------------------------------------------------------------------------------------
# Case 3 (and 5): steady-state per-call cost, interleaved rounds across long-lived runners
# ---------------------------------------------------------------------------------------------------------------
function Get-HttpClientFloor {
    # The floor client's command line; built on first use only (cases 3 and 6 both run it).
    if (-not $script:floorCommand) {
        Write-Step 'Building the HttpClient floor (bench/HttpClientFloor)'
        $floorOut = Join-Path $OutRoot 'bench/HttpClientFloor'
        $build = & dotnet build (Join-Path $PSScriptRoot 'HttpClientFloor/HttpClientFloor.csproj') -c Release -o $floorOut --nologo -v quiet -clp:NoSummary 2>&1
        if ($LASTEXITCODE -ne 0) { throw "Building bench/HttpClientFloor failed: $($build -join [Environment]::NewLine)" }
        $dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
        $script:floorCommand = @($dotnet, (Join-Path $floorOut 'HttpClientFloor.dll'))
    }
    return $script:floorCommand
}

function Start-SteadyStateRunners {
    $runners = [System.Collections.Generic.List[object]]::new()

    $runnerScript = Join-Path $PSScriptRoot 'Runners/SteadyState.ps1'
    $runners.Add((Start-BenchRunner -Name 'BingX module' -Command $pwsh -Environment (Get-RunnerEnvironment (New-SeededAccount)) `
                -ArgumentList @('-NoProfile', '-NonInteractive', '-File', $runnerScript, '-Client', 'Module', '-ModulePath', $ModulePath)))
    if ($BeforeModulePath) {
        # The earlier build as one more client in the same rounds: per-call times drift with load, only pairing compares them.
        $runners.Add((Start-BenchRunner -Name "BingX module ($BeforeLabel)" -Command $pwsh -Environment (Get-RunnerEnvironment (New-SeededAccount)) `
                    -ArgumentList @('-NoProfile', '-NonInteractive', '-File', $runnerScript, '-Client', 'Module', '-ModulePath', $BeforeModulePath)))
    }
    $runners.Add((Start-BenchRunner -Name 'HttpClient floor (C#)' -Command (Get-HttpClientFloor) -Environment (Get-RunnerEnvironment (New-SeededAccount))))
    $runners.Add((Start-BenchRunner -Name 'Invoke-RestMethod function' -Command $pwsh -Environment (Get-RunnerEnvironment (New-SeededAccount)) `
                -ArgumentList @('-NoProfile', '-NonInteractive', '-File', $runnerScript, '-Client', 'RestMethod')))
    $runners.Add((Start-BenchRunner -Name 'PowerShell + HttpClient' -Command $pwsh -Environment (Get-RunnerEnvironment (New-SeededAccount)) `
                -ArgumentList @('-NoProfile', '-NonInteractive', '-File', $runnerScript, '-Client', 'HttpClient')))

    $node = Get-Command node -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $ccxtDirectory = Join-Path $RepoRoot 'tests/ccxt'
    $npmOutput = 'npm is not installed'
    if (-not $node) {
        $results.notes.Add('ccxt baseline skipped: node is not installed.')
    }
    else {
        if (-not (Test-Path (Join-Path $ccxtDirectory 'node_modules/ccxt/package.json'))) {
            Write-Step 'Installing ccxt (npm ci in tests/ccxt)'
            $npm = Get-Command npm -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
            if ($npm) {
                Push-Location $ccxtDirectory
                try { $npmOutput = & $npm.Source ci --no-audit --no-fund 2>&1 } finally { Pop-Location }
            }
        }
        if (Test-Path (Join-Path $ccxtDirectory 'node_modules/ccxt/package.json')) {
            $ccxt = Start-BenchRunner -Name 'ccxt bingx (node)' -Command @($node.Source) -Environment (Get-RunnerEnvironment (New-SeededAccount)) `
                -ArgumentList @((Join-Path $PSScriptRoot 'ccxt-bench.js'), $ccxtDirectory)
            $results.machine.node = $ccxt.Ready.node
            $results.machine.ccxt = $ccxt.Ready.ccxtVersion
            $runners.Add($ccxt)
        }
        else {
            $results.notes.Add("ccxt baseline skipped: ccxt could not be installed in tests/ccxt (npm ci: $($npmOutput -join ' '))")
        }
    }
    return $runners
}

function Invoke-SteadyStateCase {
    Write-Step "Case 3: steady state ($($counts.callsPerOp) calls per operation per client, $($counts.rounds) interleaved rounds of $($counts.batch))"
    Set-SimSetting -Simulator $sim -RateLimits $false | Out-Null
    $runners = @()
    try {
        $runners = @(Start-SteadyStateRunners)
        $ops = 'get', 'cancel'

        # Warm-up (JIT, connection pool, PowerShell's command caches), then one request of each kind for the record.
        foreach ($runner in $runners) {
            foreach ($op in $ops) { $null = Invoke-BenchRunner $runner "$op $($counts.warmupCalls)" }
        }
        Clear-SimRequestLog $sim
        $shapes = [ordered] @{}
        foreach ($runner in $runners) {
            foreach ($op in $ops) { $null = Invoke-BenchRunner $runner "$op 1" }
            $log = @(Get-SimRequestLog -Simulator $sim | Where-Object { $_.apiKey -eq $runner.Process.StartInfo.Environment['BENCH_API_KEY'] })
            $shapes[$runner.Name] = @($log | ForEach-Object { Get-RequestShape $_ })
        }
        Clear-SimRequestLog $sim

        $samples = @{}
        $cpuSamples = @{}
        foreach ($runner in $runners) {
            foreach ($op in $ops) {
                $samples["$($runner.Name)|$op"] = [System.Collections.Generic.List[double]]::new()
                $cpuSamples["$($runner.Name)|$op"] = [System.Collections.Generic.List[double]]::new()
            }
        }
        for ($round = 0; $round -lt $counts.rounds; $round++) {
            foreach ($op in $ops) {
                foreach ($i in 0..($runners.Count - 1)) {
                    $runner = $runners[($i + $round) % $runners.Count]
                    $answer = Invoke-BenchRunner $runner "$op $($counts.batch)"
                    $expected = if ($op -eq 'get') { $seededOpen * $counts.batch } else { 0 }
                    if ($answer.orders -ne $expected) { throw "$($runner.Name) $op returned $($answer.orders) orders, expected $expected." }
                    $samples["$($runner.Name)|$op"].Add($answer.ms / $counts.batch)
                    $cpuSamples["$($runner.Name)|$op"].Add($answer.cpuMs / $counts.batch)
                }
            }
        }

        # Every client sent exactly one request per call, nothing more (no hidden reads, no retries).
        $log = @(Get-SimRequestLog -Simulator $sim)
        $sent = [ordered] @{}
        foreach ($runner in $runners) {
            $key = $runner.Process.StartInfo.Environment['BENCH_API_KEY']
            $mine = @($log | Where-Object apiKey -EQ $key)
            $sent[$runner.Name] = [ordered] @{
                requests = $mine.Count
                failed   = @($mine | Where-Object { $_.code -ne 0 }).Count
                expected = 2 * $counts.callsPerOp
            }
        }
        Clear-SimRequestLog $sim

        $memory = [ordered] @{}
        foreach ($runner in $runners) {
            $after = Invoke-BenchRunner $runner 'memory'
            $entry = [ordered] @{ afterCase3 = $after }
            if ($runner.Ready.PSObject.Properties.Name -contains 'beforeImport') {
                $entry.beforeImport = $runner.Ready.beforeImport
                $entry.afterImport = $runner.Ready.afterImport
            }
            $memory[$runner.Name] = $entry
        }

        $case = [ordered] @{ clients = [ordered] @{}; requestShapes = $shapes; requestsSent = $sent }
        $floorName = 'HttpClient floor (C#)'
        foreach ($runner in $runners) {
            $client = [ordered] @{}
            foreach ($op in $ops) {
                $client[$op] = Get-Statistic $samples["$($runner.Name)|$op"]
                $client["${op}Cpu"] = Get-Statistic $cpuSamples["$($runner.Name)|$op"]
            }
            $case.clients[$runner.Name] = $client
        }
        # Ratios are paired by round (both batches ran back to back in the same round), then the median is taken:
        # a burst of load from elsewhere hits one round of both clients instead of skewing one client's median.
        $case.paired = [ordered] @{}
        foreach ($runner in $runners) {
            $pairs = [ordered] @{}
            foreach ($op in $ops) {
                foreach ($kind in '', 'Cpu') {
                    $mine = $samples["$($runner.Name)|$op"]; $floorSeries = $samples["$floorName|$op"]; $moduleSeries = $samples["BingX module|$op"]
                    if ($kind) { $mine = $cpuSamples["$($runner.Name)|$op"]; $floorSeries = $cpuSamples["$floorName|$op"]; $moduleSeries = $cpuSamples["BingX module|$op"] }
                    $pairs["$op${kind}VsFloor"] = Get-Statistic @(for ($i = 0; $i -lt $mine.Count; $i++) { $mine[$i] / $floorSeries[$i] })
                    $pairs["$op${kind}VsModule"] = Get-Statistic @(for ($i = 0; $i -lt $mine.Count; $i++) { $mine[$i] / $moduleSeries[$i] })
                }
            }
            $case.paired[$runner.Name] = $pairs
        }
        $beforeName = "BingX module ($BeforeLabel)"
        if ($BeforeModulePath) {
            $case.interleavedBefore = [ordered] @{ label = $BeforeLabel }
            foreach ($op in $ops) {
                $mine = $samples["BingX module|$op"]; $theirs = $samples["$beforeName|$op"]
                $case.interleavedBefore[$op] = Get-Statistic @(for ($i = 0; $i -lt $mine.Count; $i++) { $mine[$i] / $theirs[$i] })
            }
        }
        $modulePaired = $case.paired['BingX module']
        $restMethodPaired = $case.paired['Invoke-RestMethod function']
        $case.targets = @(
            foreach ($op in $ops) {
                $ratio = $modulePaired["${op}VsFloor"].median
                [ordered] @{ text = "$op : module within 1.5x of the bare HttpClient floor"; measured = $ratio; limit = 1.5; met = $ratio -le 1.5 }
                $speedup = $restMethodPaired["${op}VsModule"].median
                [ordered] @{ text = "$op : module at least 3x faster than the Invoke-RestMethod function"; measured = $speedup; limit = 3; met = $speedup -ge 3 }
            })
        $results.cases.steadyState = $case
        $results.cases.memory = $memory
    }
    finally {
        foreach ($runner in $runners) { Stop-BenchRunner $runner }
    }
}

# ---------------------------------------------------------------------------------------------------------------
# Case 4: bulk cancel through the pipeline, rate limits on (simulator and module)
# ---------------------------------------------------------------------------------------------------------------
function New-BulkAccount([string[]] $Symbols, [int] $PerSymbol) {
    $account = New-SimAccount -Simulator $sim
    foreach ($symbol in $Symbols) {
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol $symbol -Side BUY -Quantity '1' -Count $PerSymbol
    }
    return $account
}

function Invoke-BulkCancelCase {
    $symbols = @($tradableSymbols | Select-Object -First $counts.bulkSymbols)
    $perSymbol = $counts.bulkOrdersPerSym
    $total = $symbols.Count * $perSymbol
    Write-Step "Case 4: bulk cancel of $total orders on $($symbols.Count) symbols, rate limits on ($($counts.bulkRuns) runs)"
    Set-SimSetting -Simulator $sim -RateLimits $true | Out-Null
    # In this process the module's limiter is on, as for any user (only the case 3 runners switch it off).
    Import-Module $ModulePath
    $rate = 2            # cancelOpenOrders: 2 per any 1000 ms per UID
    $windowMs = 1000
    $moduleWindowMs = 1050   # RequestRateLimiter: 1 s + 50 ms jitter margin
    $paced = [math]::Floor(($symbols.Count - 1) / $rate)
    $cancelPath = '/openApi/spot/v1/trade/cancelOpenOrders'

    $runs = [System.Collections.Generic.List[object]]::new()
    try {
        for ($run = 0; $run -lt $counts.bulkRuns; $run++) {
            # Round trips of the two kinds of request the pipeline makes, on an account of the same shape.
            $calibration = New-BulkAccount $symbols $perSymbol
            Connect-BingX -BaseUri $sim.BaseUri -Credential $calibration.Credential
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $listed = @(Get-BingXOpenOrder)
            $listMs = $watch.Elapsed.TotalMilliseconds
            if ($listed.Count -ne $total) { throw "Calibration listed $($listed.Count) orders, expected $total." }
            $watch.Restart()
            $null = Stop-BingXOpenOrder -Symbol $symbols[0] -Force
            $cancelMs = $watch.Elapsed.TotalMilliseconds

            $account = New-BulkAccount $symbols $perSymbol
            Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
            Clear-SimRequestLog $sim
            $watch.Restart()
            $cancelled = @((Get-BingXOpenOrder).Symbol | Sort-Object -Unique | Stop-BingXOpenOrder -Force)
            $wallMs = $watch.Elapsed.TotalMilliseconds

            $log = @(Get-SimRequestLog -Simulator $sim | Where-Object apiKey -EQ $account.ApiKey)
            $cancels = @($log | Where-Object path -EQ $cancelPath | Where-Object code -EQ 0)
            $left = @(Get-BingXOpenOrder).Count
            if ($cancelled.Count -ne $total -or $left -ne 0) { throw "Bulk cancel cancelled $($cancelled.Count) of $total orders; $left left open." }
            $spanMs = if ($cancels.Count -ge 2) { [double] ($cancels[-1].time - $cancels[0].time) } else { 0 }
            $runs.Add([ordered] @{
                    wallMs            = $wallMs
                    floorMs           = $listMs + ($paced * $windowMs) + $cancelMs
                    moduleFloorMs     = $listMs + ($paced * $moduleWindowMs) + $cancelMs
                    listMs            = $listMs
                    cancelMs          = $cancelMs
                    requests          = $log.Count
                    cancelRequests    = @($log | Where-Object path -EQ $cancelPath).Count
                    rateLimited100410 = @($log | Where-Object code -EQ 100410).Count
                    pacingSpanMs      = $spanMs
                    cancelled         = $cancelled.Count
                })
        }

        # For reference: the one-request way to cancel everything.
        $account = New-BulkAccount $symbols $perSymbol
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        Clear-SimRequestLog $sim
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $all = @(Stop-BingXOpenOrder -All -Force)
        $allMs = $watch.Elapsed.TotalMilliseconds
        $allRequests = @(Get-SimRequestLog -Simulator $sim | Where-Object apiKey -EQ $account.ApiKey).Count
        if ($all.Count -ne $total) { throw "Stop-BingXOpenOrder -All cancelled $($all.Count) of $total orders." }
    }
    finally {
        Disconnect-BingX
        Set-SimSetting -Simulator $sim -RateLimits $false | Out-Null
    }

    $ratios = @($runs | ForEach-Object { $_.wallMs / $_.floorMs })
    $rateLimited = ($runs | ForEach-Object { $_.rateLimited100410 } | Measure-Object -Sum).Sum
    $results.cases.bulkCancel = [ordered] @{
        symbols          = $symbols.Count
        ordersPerSymbol  = $perSymbol
        orders           = $total
        ratePerSecond    = $rate
        pacedWindows     = $paced
        exchangePacingMs = $paced * $windowMs
        modulePacingMs   = $paced * $moduleWindowMs
        wallMs           = Get-Statistic @($runs | ForEach-Object { $_.wallMs })
        floorMs          = Get-Statistic @($runs | ForEach-Object { $_.floorMs })
        ratio            = Get-Statistic $ratios
        pacingSpanMs     = Get-Statistic @($runs | ForEach-Object { $_.pacingSpanMs })
        runs             = $runs
        all              = [ordered] @{ wallMs = $allMs; requests = $allRequests; cancelled = $all.Count }
        targets          = @(
            [ordered] @{ text = 'Bulk cancel within 10% of the rate-limit floor'; measured = (Get-Statistic $ratios).median; limit = 1.1; met = (Get-Statistic $ratios).median -le 1.1 }
            [ordered] @{ text = 'Zero 100410 (rate limited) answers'; measured = $rateLimited; limit = 0; met = $rateLimited -eq 0 }
        )
    }
}

# ---------------------------------------------------------------------------------------------------------------
# Case 6: the cost of never letting the HTTP stack resend an order
# ---------------------------------------------------------------------------------------------------------------
function Invoke-PlacementCase {
    $variants = [ordered] @{
        place      = 'pooled, no content object (before: .NET may resend)'
        placebody  = 'pooled, empty content (the module now)'
        placeclose = 'never reused, Connection: close'
    }
    Write-Step "Case 6: placement, $($counts.callsPerOp) MARKET orders per variant in $($counts.rounds) interleaved rounds of $($counts.batch)"
    Set-SimSetting -Simulator $sim -RateLimits $false | Out-Null
    $rich = @{ USDT = '100000000'; BTC = '100' }
    $floorAccount = New-SimAccount -Simulator $sim -Balances $rich
    $moduleAccount = New-SimAccount -Simulator $sim -Balances $rich
    $floor = Start-BenchRunner -Name 'HttpClient floor (C#)' -Command (Get-HttpClientFloor) -Environment (Get-RunnerEnvironment $floorAccount)
    # The module in this process, its limiter off for the case (5 orders/s would measure pacing, not the request).
    Import-Module $ModulePath
    $limiter = [BingX.PowerShell.BingXOrder].Assembly.GetType('BingX.PowerShell.Client.RateLimiting.RequestRateLimiter', $true)
    $disabled = $limiter.GetProperty('Disabled', [Reflection.BindingFlags] 'Static, NonPublic')
    $disabled.SetValue($null, $true)
    Connect-BingX -BaseUri $sim.BaseUri -Credential $moduleAccount.Credential
    $place = { param([int] $Count) for ($i = 0; $i -lt $Count; $i++) { $null = New-BingXOrder -Symbol $getSymbol -Side BUY -Type MARKET -Quantity 0.001 } }
    $samples = @{ module = [System.Collections.Generic.List[double]]::new() }
    foreach ($v in $variants.Keys) { $samples[$v] = [System.Collections.Generic.List[double]]::new() }
    $pairs = @{ body = [System.Collections.Generic.List[double]]::new(); close = [System.Collections.Generic.List[double]]::new(); costUs = [System.Collections.Generic.List[double]]::new() }
    try {
        foreach ($v in $variants.Keys) { $null = Invoke-BenchRunner $floor "$v $($counts.warmupCalls)" }
        & $place $counts.warmupCalls
        for ($round = 0; $round -lt $counts.rounds; $round++) {
            $perCall = @{}
            foreach ($v in $variants.Keys) {
                $answer = Invoke-BenchRunner $floor "$v $($counts.batch)"
                if ($answer.error) { throw "Floor $v failed: $($answer.error)" }
                $perCall[$v] = $answer.ms / $counts.batch
                $samples[$v].Add($perCall[$v])
            }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            & $place $counts.batch
            $samples.module.Add($watch.Elapsed.TotalMilliseconds / $counts.batch)
            $pairs.body.Add($perCall.placebody / $perCall.place)
            $pairs.close.Add($perCall.placeclose / $perCall.place)
            $pairs.costUs.Add(($perCall.placebody - $perCall.place) * 1000)
        }
        $posts = @(Get-SimRequestLog -Simulator $sim -Path '/openApi/spot/v1/trade/order' | Where-Object apiKey -EQ $moduleAccount.ApiKey)
    }
    finally {
        $disabled.SetValue($null, $false)
        Disconnect-BingX
        Stop-BenchRunner $floor
    }
    $moduleMedian = (Get-Statistic $samples.module).median
    $cost = Get-Statistic $pairs.costUs
    $results.cases.placement = [ordered] @{
        variants        = $variants
        perCallMs       = [ordered] @{
            place      = Get-Statistic $samples.place
            placebody  = Get-Statistic $samples.placebody
            placeclose = Get-Statistic $samples.placeclose
            module     = Get-Statistic $samples.module
        }
        bodyVsPooled    = Get-Statistic $pairs.body
        closeVsPooled   = Get-Statistic $pairs.close
        fixCostUs       = $cost
        fixShareOfModule = ($cost.median / 1000) / $moduleMedian
        modulePosts     = $posts.Count
        moduleContentLength = @($posts | Select-Object -First 1 | ForEach-Object { $_.headers.'Content-Length' }) -join ''
    }
}

# ---------------------------------------------------------------------------------------------------------------
Write-Step "Benchmark at scale $Scale (load average $(Get-LoadAverage)); report: $OutputPath"
$sim = Start-TestSimulator -NoRateLimits
try {
    if ($Case -contains 'Import') { Invoke-ImportCase }
    if ($Case -contains 'FirstCall') { Invoke-FirstCallCase }
    if ($Case -contains 'SteadyState') { Invoke-SteadyStateCase }
    if ($Case -contains 'BulkCancel') { Invoke-BulkCancelCase }
    if ($Case -contains 'Placement') { Invoke-PlacementCase }
}
finally {
    Stop-TestSimulator $sim
}
$results.machine.loadAverageAfter = Get-LoadAverage
$loads = @($results.machine.loadAverage, $results.machine.loadAverageAfter | ForEach-Object { (($_ -split " ")[0]) -as [double] } | Where-Object { $_ })
if ($loads | Where-Object { $_ -ge 1 }) {
    $results.notes.Add("Other work was running on this $($results.machine.cores)-core machine (1-minute load average $($results.machine.loadAverage.Split(' ')[0]) before the run, $($results.machine.loadAverageAfter.Split(' ')[0]) after; the bench itself keeps about one core busy): wall times are noisier than on a quiet machine, which is why every ratio is paired.")
}
$results.durationSeconds = [math]::Round($benchWatch.Elapsed.TotalSeconds, 1)

$null = New-Item -ItemType Directory -Force -Path (Split-Path $OutputPath -Parent)
$json = ConvertTo-Json -InputObject $results -Depth 12
Set-Content -Path $JsonPath -Value $json -Encoding utf8NoBOM
$report = Format-BenchReport -Results $results -JsonFileName (Split-Path $JsonPath -Leaf)

if ($BeforeModulePath) { $report += "`n" + (Format-BeforeAfter -Results $results -BeforeLabel $BeforeLabel) }
Set-Content -Path $OutputPath -Value $report -Encoding utf8NoBOM
Write-Step "Done in $($results.durationSeconds) s: $OutputPath"
