<#
    Turns the results of bench/Invoke-Bench.ps1 into bench/results.md: machine, targets, one table per case, notes,
    and the raw numbers. Dot-sourced by Invoke-Bench.ps1.
#>

function Format-Ms([double] $Value) {
    $c = [cultureinfo]::InvariantCulture
    if ([double]::IsNaN($Value)) { return 'n/a' }
    if ([math]::Abs($Value) -lt 10) { return $Value.ToString('0.000', $c) + ' ms' }
    if ([math]::Abs($Value) -lt 100) { return $Value.ToString('0.0', $c) + ' ms' }
    return $Value.ToString('0', $c) + ' ms'
}

function Format-Spread($Stat) {
    # "median (p10–p90)"; with fewer than 5 samples p10/p90 say little, so min–max instead.
    if ($Stat.n -lt 5) { return "$(Format-Ms $Stat.median) (min $(Format-Ms $Stat.min) – max $(Format-Ms $Stat.max))" }
    return "$(Format-Ms $Stat.median) (p10 $(Format-Ms $Stat.p10) – p90 $(Format-Ms $Stat.p90))"
}

function Format-Ratio([double] $Value) {
    if ([double]::IsNaN($Value) -or [double]::IsInfinity($Value)) { return 'n/a' }
    return $Value.ToString('0.00', [cultureinfo]::InvariantCulture) + 'x'
}

function Format-MiB($Bytes) {
    if ($null -eq $Bytes) { return 'n/a' }
    return ([double] $Bytes / 1MB).ToString('0.0', [cultureinfo]::InvariantCulture) + ' MiB'
}

function Format-Target($Target, [string] $Unit) {
    $measured = switch ($Unit) {
        'ms' { Format-Ms $Target.measured }
        'x' { Format-Ratio $Target.measured }
        default { [string] $Target.measured }
    }
    $verdict = if ($Target.met) { 'met' } else { '**missed**' }
    return "| $($Target.text) | $measured | $verdict |"
}

function Format-BenchReport {
    param([Parameter(Mandatory)] $Results, [Parameter(Mandatory)] [string] $JsonFileName)
    $m = $Results.machine
    $cases = $Results.cases
    $c = $Results.counts
    $lines = [System.Collections.Generic.List[string]]::new()
    $add = { param([string] $Text = '') $lines.Add($Text) }

    & $add '# BingX.PowerShell benchmark results'
    & $add
    & $add "Written by ``build.ps1 -Task Bench`` (``bench/Invoke-Bench.ps1``, scale $($Results.scale)) in $($Results.durationSeconds) s, all cases in this one run."
    & $add 'Each baseline was measured in the same run, interleaved with the module where it could be: read the **ratios**;'
    & $add 'absolute times belong to this machine and its load. What each case means and how to run it: `bench/README.md`.'
    & $add
    & $add '## Machine'
    & $add
    & $add '| | |'
    & $add '|---|---|'
    & $add "| date | $($m.date) |"
    & $add "| CPU | $($m.cpu), $($m.cores) cores (shared with other work) |"
    & $add "| memory | $($m.memoryGiB) GiB |"
    & $add "| OS | $($m.os) |"
    & $add "| .NET | $($m.dotnet) |"
    & $add "| PowerShell | $($m.pwsh) |"
    & $add "| BingX module | $($m.moduleVersion), commit $($m.commit) |"
    if ($m.Contains('node')) { & $add "| node / ccxt | $($m.node) / $($m.ccxt) |" }
    & $add "| load average (1/5/15 min) before / after | $($m.loadAverage) / $($m.loadAverageAfter) |"
    & $add

    & $add '## Targets'
    & $add
    & $add '| target | measured | result |'
    & $add '|---|---|---|'
    if ($cases.Contains('import')) { & $add (Format-Target $cases.import.target 'ms') }
    if ($cases.Contains('steadyState')) { foreach ($t in $cases.steadyState.targets) { & $add (Format-Target $t 'x') } }
    if ($cases.Contains('bulkCancel')) {
        & $add (Format-Target $cases.bulkCancel.targets[0] 'x')
        & $add (Format-Target $cases.bulkCancel.targets[1] 'count')
    }
    & $add

    if ($cases.Contains('import')) {
        $case = $cases.import
        & $add '## 1. Import cost'
        & $add
        & $add "$($c.importRuns) fresh ``pwsh -NoProfile -NonInteractive -Command ...`` per variant, the variants interleaved (order rotated every run)."
        & $add 'Wall time is process start to exit as seen by the bench; *added* is the paired difference to the run of plain pwsh'
        & $add "next to it; *in-process* is a stopwatch around ``Import-Module`` inside the child. Reference: $($case.reference)."
        & $add
        & $add '| variant | wall time | added vs plain pwsh | Import-Module in-process |'
        & $add '|---|---|---|---|'
        foreach ($name in $case.variants.Keys) {
            $v = $case.variants[$name]
            $added = if ($name -like 'pwsh*') { '—' } else { Format-Spread $v.addedMs }
            $inProcess = if ($name -like 'pwsh*') { '—' } else { Format-Spread $v.inProcessMs }
            & $add "| $name | $(Format-Spread $v.wallMs) | $added | $inProcess |"
        }
        & $add
    }

    if ($cases.Contains('firstCall')) {
        $case = $cases.firstCall
        $baseline = $case.variants['RestMethod']
        & $add '## 2. First call in a fresh process'
        & $add
        & $add "$($c.firstCallRuns) fresh ``pwsh -File bench/Runners/FirstCall.ps1`` per variant, interleaved. *Total* is measured inside the"
        & $add 'child from before the import to the parsed answer of the first signed `GET trade/openOrders` (import + credential'
        & $add 'read + signing + request); *wall* is the whole process as seen by the bench. Ratios are against the hand-written'
        & $add '`Invoke-RestMethod` function doing the same first call in its own fresh process in the same round (paired, median'
        & $add 'over the rounds; below 1 means faster than the function).'
        & $add
        & $add '| variant | import / load | first answer | total in-process | total vs function | process wall | wall vs function |'
        & $add '|---|---|---|---|---|---|---|'
        $labels = [ordered] @{
            RestMethod = 'hand-written `Invoke-RestMethod` function (dot-sourced)'
            Credential = 'BingX: `Get-BingXOpenOrder -Credential`'
            Connect    = 'BingX: `Connect-BingX -Credential` (clock sync) + `Get-BingXOpenOrder`'
            Vault      = 'BingX: `Get-BingXOpenOrder`, secret from the default vault (in-memory SecretManagement **stand-in**)'
            None       = 'plain pwsh running the script without a call (reference for the wall time)'
        }
        foreach ($name in $labels.Keys) {
            $v = $case.variants[$name]
            $ratio = if ($name -eq 'None') { '—' } else { Format-Ratio $v.totalVsFunction.median }
            $wall = Format-Spread $v.wallMs
            if ($name -eq 'Vault') { $wall += " (includes $(Format-Ms $v.setupMs.median) of untimed vault setup)" }
            $wallRatio = Format-Ratio $v.wallVsFunction.median
            if ($name -eq 'None') {
                & $add "| $($labels[$name]) | — | — | — | — | $wall | $wallRatio |"
            }
            else {
                & $add "| $($labels[$name]) | $(Format-Ms $v.importMs.median) | $(Format-Ms $v.callMs.median) | $(Format-Spread $v.totalMs) | $ratio | $wall | $wallRatio |"
            }
        }
        & $add
    }

    if ($cases.Contains('steadyState')) {
        $case = $cases.steadyState
        $floor = $case.clients['HttpClient floor (C#)']
        $module = $case.clients['BingX module']
        & $add '## 3. Steady-state cost per call'
        & $add
        & $add "$($c.callsPerOp) calls per operation and client, each client a long-lived process of its own; $($c.rounds) rounds of $($c.batch) calls, the"
        & $add "clients taking turns in every round (order rotated), after $($c.warmupCalls) warm-up calls each. One sample = one batch's time / $($c.batch)."
        & $add 'Rate limits off in the simulator, and the module''s own limiter switched off in its runner (reflection, bench only), so'
        & $add '*get* = `GET trade/openOrders?symbol=BTC-USDT` answering 10 orders; *cancel* = `POST trade/cancelOpenOrders?symbol=ETH-USDT`'
        & $add 'on an empty book (the same request as a real cancel; the answer has no orders).'
        & $add
        & $add '*Per call* is wall time, the measure of the targets. Ratios (*vs floor*, *module faster by*) are paired: each client''s'
        & $add 'batch divided by the other''s batch of the same round, median over the rounds, so that load from elsewhere that hits a'
        & $add 'round hits both sides of the ratio. *Added over floor* = difference of the medians. *CPU per call* is the processor'
        & $add 'time of the client''s own process (user + system, all threads; the simulator''s share is not in it), less sensitive to'
        & $add 'other load on the machine than wall time.'
        & $add
        & $add '| operation | client | per call | vs floor | added over floor | module faster by | CPU per call | CPU vs floor |'
        & $add '|---|---|---|---|---|---|---|---|'
        foreach ($op in 'get', 'cancel') {
            foreach ($name in $case.clients.Keys) {
                $s = $case.clients[$name][$op]
                $cpu = $case.clients[$name]["${op}Cpu"]
                $pairs = $case.paired[$name]
                $speedup = if ($name -eq 'BingX module') { '—' } else { Format-Ratio $pairs["${op}VsModule"].median }
                $label = if ($name -eq 'BingX module') { '**BingX module**' } else { $name }
                $added = if ($name -eq 'HttpClient floor (C#)') { '—' } else { Format-Ms ($s.median - $floor[$op].median) }
                & $add "| $op | $label | $(Format-Spread $s) | $(Format-Ratio $pairs["${op}VsFloor"].median) | $added | $speedup | $(Format-Ms $cpu.median) | $(Format-Ratio $pairs["${op}CpuVsFloor"].median) |"
            }
        }
        & $add
        $cheapest = $case.paired['PowerShell + HttpClient']
        if ($null -ne $cheapest) {
            $parts = foreach ($op in 'get', 'cancel') {
                "$op $(Format-Ratio $cheapest["${op}VsFloor"].median) of the floor, the module $(Format-Ratio (1 / $cheapest["${op}VsModule"].median)) of it"
            }
            & $add "How much of the gap to the floor any PowerShell pays: the cheapest PowerShell script (*PowerShell + HttpClient*, no"
            & $add "objects, one function call per request) is itself $($parts -join '; ') (paired medians)."
            & $add
        }
        & $add 'What each client sent (one request of each kind, from the simulator''s log; parameter names in the order sent) and how'
        & $add 'many requests the measured rounds produced:'
        & $add
        & $add '| client | requests | parameters | User-Agent | requests in the rounds (expected) |'
        & $add '|---|---|---|---|---|'
        foreach ($name in $case.requestShapes.Keys) {
            $shapes = @($case.requestShapes[$name])
            $requests = ($shapes | ForEach-Object { "$($_.method) $($_.path -replace '^/openApi/spot/v1/', '')" }) -join '<br>'
            $parameters = ($shapes | ForEach-Object { "``$($_.parameters)``" }) -join '<br>'
            $agent = ($shapes | Select-Object -First 1).userAgent
            $sent = $case.requestsSent[$name]
            & $add "| $name | $requests | $parameters | $agent | $($sent.requests) ($($sent.expected)), $($sent.failed) failed |"
        }
        & $add
    }

    if ($cases.Contains('bulkCancel')) {
        $case = $cases.bulkCancel
        & $add '## 4. Bulk cancel with rate limits on'
        & $add
        & $add "``(Get-BingXOpenOrder).Symbol | Sort-Object -Unique | Stop-BingXOpenOrder -Force`` over $($case.orders) open orders on $($case.symbols) symbols ($($case.ordersPerSymbol) each), $($c.bulkRuns) runs, each on a"
        & $add 'fresh account, with the simulator''s rate limits on and the module''s limiter on (as for any user). The pipeline sends'
        & $add "1 ``openOrders`` (all symbols) and then one ``cancelOpenOrders`` per symbol. At $($case.ratePerSecond) requests per any 1000 ms, $($case.symbols) cancels"
        & $add "need at least $($case.pacedWindows) full windows between the first and the last: **floor = list round trip + $($case.exchangePacingMs) ms + one cancel round trip**,"
        & $add 'the round trips measured in the same run on an identical account. The module keeps its windows at 1000 ms + 50 ms'
        & $add "jitter margin, so its own best is list + $($case.modulePacingMs) ms + cancel: the margin alone costs $($case.modulePacingMs - $case.exchangePacingMs) ms here."
        & $add
        & $add '| | median | min | max |'
        & $add '|---|---|---|---|'
        & $add "| wall time | $(Format-Ms $case.wallMs.median) | $(Format-Ms $case.wallMs.min) | $(Format-Ms $case.wallMs.max) |"
        & $add "| floor the rate limits allow | $(Format-Ms $case.floorMs.median) | $(Format-Ms $case.floorMs.min) | $(Format-Ms $case.floorMs.max) |"
        & $add "| **wall / floor** | **$(Format-Ratio $case.ratio.median)** | $(Format-Ratio $case.ratio.min) | $(Format-Ratio $case.ratio.max) |"
        & $add "| first → last cancel at the simulator (exchange minimum $($case.exchangePacingMs) ms) | $(Format-Ms $case.pacingSpanMs.median) | $(Format-Ms $case.pacingSpanMs.min) | $(Format-Ms $case.pacingSpanMs.max) |"
        $run = $case.runs[0]
        & $add
        & $add "Requests per run: $(($case.runs | ForEach-Object { $_.requests }) -join ', ') ($($run.cancelRequests) cancelOpenOrders + 1 openOrders); answers 100410 in all runs: $(($case.runs | ForEach-Object { $_.rateLimited100410 } | Measure-Object -Sum).Sum)."
        & $add "For reference, ``Stop-BingXOpenOrder -All -Force`` cancelled the same $($case.all.cancelled) orders with $($case.all.requests) request in $(Format-Ms $case.all.wallMs)."
        & $add
    }

    if ($cases.Contains('memory')) {
        & $add '## 5. Memory'
        & $add
        & $add 'Working set (`[Environment]::WorkingSet`, node: RSS) and managed heap of the case 3 processes: before and after the'
        & $add 'module is imported (for the function: dot-sourced), and after all of case 3; the last column after a full collection'
        & $add 'shows what stays.'
        & $add
        & $add '| process | working set before import | after import | after case 3 | GC heap after case 3 | GC heap after full collection |'
        & $add '|---|---|---|---|---|---|'
        foreach ($name in $cases.memory.Keys) {
            $e = $cases.memory[$name]
            $before = if ($e.Contains('beforeImport')) { Format-MiB $e.beforeImport.workingSet } else { '—' }
            $after = if ($e.Contains('afterImport')) { Format-MiB $e.afterImport.workingSet } else { '—' }
            $collected = if ($e.afterCase3.PSObject.Properties.Name -contains 'gcHeapAfterCollect') { Format-MiB $e.afterCase3.gcHeapAfterCollect } else { '—' }
            & $add "| $name | $before | $after | $(Format-MiB $e.afterCase3.workingSet) | $(Format-MiB $e.afterCase3.gcHeap) | $collected |"
        }
        & $add
    }

    if ($cases.Contains('placement')) {
        $case = $cases.placement
        & $add '## 6. Placement: the cost of never letting .NET resend an order'
        & $add
        & $add '.NET''s connection pool resends a request without a content object when its connection closes before the first byte'
        & $add 'of the answer (see `RequestBuilder.NoResendBody`); the module now gives every write an empty content (same bytes on'
        & $add 'the wire: `Content-Length: 0`). A MARKET order POST from the C# floor, three ways, interleaved per round, beside'
        & $add '`New-BingXOrder` itself (in the bench process, limiter off); per call, median over the rounds (p10–p90):'
        & $add
        & $add '| variant | per call |'
        & $add '|---|---|'
        foreach ($v in $case.variants.Keys) { & $add "| floor: $($case.variants[$v]) | $(Format-Spread $case.perCallMs[$v]) |" }
        & $add "| ``New-BingXOrder`` (module, empty content) | $(Format-Spread $case.perCallMs.module) |"
        & $add
        $us = $case.fixCostUs.median.ToString('0.0', [cultureinfo]::InvariantCulture)
        $share = ($case.fixShareOfModule * 100).ToString('0.0', [cultureinfo]::InvariantCulture)
        & $add "**Empty content vs none, same pooled connection: $(Format-Ratio $case.bodyVsPooled.median) (paired median; p10 $(Format-Ratio $case.bodyVsPooled.p10), p90 $(Format-Ratio $case.bodyVsPooled.p90)), $us µs per order, $share% of a ``New-BingXOrder`` call.**"
        & $add "A never-reused connection (the other fix considered, which does not even stop the resend: .NET resends on a new connection too) costs $(Format-Ratio $case.closeVsPooled.median) of the pooled POST."
        & $add "The module's ``trade/order`` POSTs in this case: $($case.modulePosts), each with ``Content-Length: $($case.moduleContentLength)``."
        & $add
    }

    if ($Results.notes.Count -gt 0) {
        & $add '## Notes'
        & $add
        foreach ($note in $Results.notes) { & $add "- $note" }
        & $add
    }

    & $add '## Raw numbers'
    & $add
    & $add "Every sample of every series (milliseconds; per call for case 3) is in ``$JsonFileName`` beside this file. The series in short:"
    & $add
    & $add '```'
    if ($cases.Contains('import')) {
        foreach ($name in $cases.import.variants.Keys) { & $add "import  $name wall: $(Format-Series $cases.import.variants[$name].wallMs.values)" }
    }
    if ($cases.Contains('firstCall')) {
        foreach ($name in $cases.firstCall.variants.Keys) { & $add "first   $name total: $(Format-Series $cases.firstCall.variants[$name].totalMs.values) wall: $(Format-Series $cases.firstCall.variants[$name].wallMs.values)" }
    }
    if ($cases.Contains('steadyState')) {
        foreach ($name in $cases.steadyState.clients.Keys) {
            foreach ($op in 'get', 'cancel') {
                & $add "steady  $name $op per call: $(Format-Series $cases.steadyState.clients[$name][$op].values 3)"
                & $add "steady  $name $op CPU per call: $(Format-Series $cases.steadyState.clients[$name]["${op}Cpu"].values 3)"
            }
        }
    }
    if ($cases.Contains('placement')) {
        foreach ($v in $cases.placement.perCallMs.Keys) { & $add "place   $v per call: $(Format-Series $cases.placement.perCallMs[$v].values 3)" }
    }
    if ($cases.Contains('bulkCancel')) {
        & $add "bulk    wall: $(Format-Series @($cases.bulkCancel.runs | ForEach-Object { $_.wallMs })) floor: $(Format-Series @($cases.bulkCancel.runs | ForEach-Object { $_.floorMs }))"
    }
    & $add '```'
    return ($lines -join "`n") + "`n"
}

function Format-Series($Values, [int] $Decimals = 1) {
    $format = '0.' + ('0' * $Decimals)
    return (@($Values) | ForEach-Object { ([double] $_).ToString($format, [cultureinfo]::InvariantCulture) }) -join ' '
}

function Format-BeforeAfter {
    <#
    .SYNOPSIS
        The before/after section: the earlier build ran next to this one in cases 1-3 (adjacent import pairs, one
        more first-call variant, one more steady-state client); each row is the median over the pairs or rounds of
        after / before within one pair or round (below 1 is faster).
    #>
    param([Parameter(Mandatory)] $Results, [string] $BeforeLabel = 'before')
    $format = { param($s) [string]::Format([cultureinfo]::InvariantCulture, '{0:0.00} (p10 {1:0.00} – p90 {2:0.00})', $s.median, $s.p10, $s.p90) }
    $cases = $Results.cases
    $import = if ($cases.Contains('import')) { $cases.import['interleavedBefore'] }
    $firstCall = if ($cases.Contains('firstCall')) { $cases.firstCall['interleavedBefore'] }
    $steady = if ($cases.Contains('steadyState')) { $cases.steadyState['interleavedBefore'] }
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('## Before and after')
    $lines.Add('')
    $lines.Add("**$BeforeLabel** (built from git by ``build.ps1 -Task Bench -BenchBefore``) ran side by side with this build in the same")
    $lines.Add('run: in case 1 as adjacent pairs of fresh pwsh (order alternated), in case 2 as one more variant of every round, in')
    $lines.Add('case 3 as one more client of every round. Each row is the median over the pairs or rounds of after / before measured')
    $lines.Add('next to each other (p10 – p90); below 1 means this build is faster. Two runs minutes apart would not compare: on a')
    $lines.Add('shared machine the load between them moves each median by tens of percent.')
    $lines.Add('')
    $lines.Add('| measure | after / before |')
    $lines.Add('|---|---|')
    if ($import) {
        $lines.Add("| Import: Import-Module in-process ($(Format-Ms $import.afterInProcessMs.median) vs $(Format-Ms $import.beforeInProcessMs.median), $($import.inProcessRatio.n) pairs) | $(& $format $import.inProcessRatio) |")
        $lines.Add("| Import: whole fresh pwsh that imports | $(& $format $import.wallRatio) |")
    }
    if ($firstCall) {
        $lines.Add("| First call: import + credential + first signed request | $(& $format $firstCall.totalRatio) |")
    }
    if ($steady) {
        $lines.Add("| Per call, get (Get-BingXOpenOrder) | $(& $format $steady.get) |")
        $lines.Add("| Per call, cancel (Stop-BingXOpenOrder) | $(& $format $steady.cancel) |")
    }
    return ($lines -join "`n") + "`n"
}
