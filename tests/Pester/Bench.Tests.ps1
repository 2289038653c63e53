# Smoke run of the benchmark suite (bench/Invoke-Bench.ps1) at a tiny scale, so that it cannot rot unnoticed.
# No timing is asserted here: only that every case runs, checks its own answers, and lands in the report.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.ChildProcess.psm1') -Force
    $repoRoot = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../..'))
    $outputPath = Join-Path $TestDrive 'results.md'
    $jsonPath = Join-Path $TestDrive 'results.json'
    $node = Get-Command node -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1

    $committed = Join-Path $repoRoot 'bench/results.md'
    $committedBefore = if (Test-Path $committed) { (Get-FileHash $committed).Hash } else { $null }

    # A child pwsh: the bench imports the module with its rate limiter on and reloads the test helpers.
    $run = Invoke-ChildPwsh -File (Join-Path $repoRoot 'bench/Invoke-Bench.ps1') -TimeoutSec 1800 -ArgumentList @(
        '-ModulePath', $env:BINGX_MODULE_PATH, '-SimulatorPath', $env:BINGX_SIMULATOR_PATH, '-Scale', '0.01', '-OutputPath', $outputPath,
        '-BeforeModulePath', $env:BINGX_MODULE_PATH, '-BeforeLabel', 'smoke')
    $output = $run.StdOut + $run.StdErr
    $exitCode = $run.ExitCode
    $report = if (Test-Path $outputPath) { Get-Content -Raw $outputPath } else { '' }
    $results = if (Test-Path $jsonPath) { Get-Content -Raw $jsonPath | ConvertFrom-Json -AsHashtable } else { @{} }
    $committedAfter = if (Test-Path $committed) { (Get-FileHash $committed).Hash } else { $null }
}

Describe 'Benchmark smoke run' -Tag 'Bench' {
    It 'finishes without error' {
        $exitCode | Should -Be 0 -Because ($output -join [Environment]::NewLine)
    }

    It 'writes only to the given output path, never bench/results.md' {
        Test-Path $outputPath | Should -BeTrue
        Test-Path $jsonPath | Should -BeTrue
        $committedAfter | Should -Be $committedBefore
    }

    It 'reports section <_>' -ForEach @('## Machine', '## Targets', '## 1. Import cost', '## 2. First call in a fresh process',
        '## 3. Steady-state cost per call', '## 4. Bulk cancel with rate limits on', '## 5. Memory', '## Raw numbers') {
        $report | Should -BeLike "*$_*"
    }

    It 'describes the machine' {
        foreach ($key in 'date', 'cores', 'cpu', 'memoryGiB', 'os', 'dotnet', 'pwsh') {
            $results.machine[$key] | Should -Not -BeNullOrEmpty -Because "machine.$key"
        }
    }

    It 'has every case with samples' {
        $results.cases.Keys | Should -Contain 'import'
        $results.cases.import.variants['Import-Module BingX'].wallMs.n | Should -BeGreaterThan 0
        foreach ($variant in 'None', 'RestMethod', 'Credential', 'Connect', 'Vault') {
            $results.cases.firstCall.variants[$variant].totalMs.n | Should -BeGreaterThan 0 -Because "first call $variant"
        }
        $results.cases.bulkCancel.runs.Count | Should -BeGreaterThan 0
        $results.cases.bulkCancel.floorMs.median | Should -BeGreaterThan 0
        $results.cases.memory['BingX module'].afterCase3.workingSet | Should -BeGreaterThan 0
    }

    It 'measures the module and every baseline in case 3' {
        $expected = @('BingX module', 'HttpClient floor (C#)', 'Invoke-RestMethod function', 'PowerShell + HttpClient')
        if ($node) { $expected += 'ccxt bingx (node)' }
        foreach ($client in $expected) {
            $results.cases.steadyState.clients.Keys | Should -Contain $client
            $results.cases.steadyState.clients[$client].get.n | Should -BeGreaterThan 0
            $results.cases.steadyState.clients[$client].cancel.n | Should -BeGreaterThan 0
        }
    }

    It 'sends the same requests from every client, one per call and none failing' {
        foreach ($client in $results.cases.steadyState.requestShapes.Keys) {
            $shapes = @($results.cases.steadyState.requestShapes[$client])
            @($shapes | ForEach-Object { "$($_.method) $($_.path) $($_.parameters)" }) | Should -Be @(
                'GET /openApi/spot/v1/trade/openOrders symbol&timestamp&signature'
                'POST /openApi/spot/v1/trade/cancelOpenOrders symbol&timestamp&signature') -Because $client
            $sent = $results.cases.steadyState.requestsSent[$client]
            $sent.requests | Should -Be $sent.expected -Because $client
            $sent.failed | Should -Be 0 -Because $client
        }
    }

    It 'runs the earlier build (-BeforeModulePath) side by side in cases 1, 2 and 3, and reports after / before' {
        $results.cases.import.interleavedBefore.beforeInProcessMs.n | Should -Be $results.cases.import.interleavedBefore.afterInProcessMs.n
        $results.cases.steadyState.clients.Keys | Should -Contain 'BingX module (smoke)'
        $results.cases.import.interleavedBefore.inProcessRatio.n | Should -BeGreaterThan 0
        foreach ($op in 'get', 'cancel') { $results.cases.steadyState.interleavedBefore[$op].n | Should -BeGreaterThan 0 -Because $op }
        $report | Should -BeLike '*## Before and after*'
        $report | Should -BeLike '*| Import: Import-Module in-process (* vs *, * pairs) | *'
        $results.cases.firstCall.interleavedBefore.totalRatio.n | Should -BeGreaterThan 0
        $report | Should -BeLike '*| First call: import + credential + first signed request | *'
        $report | Should -BeLike '*| Per call, cancel (Stop-BingXOpenOrder) | *'
    }

    It 'paces the bulk cancel to one openOrders plus one cancelOpenOrders per symbol' {
        foreach ($run in $results.cases.bulkCancel.runs) {
            $run.cancelled | Should -Be $results.cases.bulkCancel.orders
            $run.cancelRequests | Should -Be $results.cases.bulkCancel.symbols
        }
    }
}
