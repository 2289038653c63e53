# The ccxt cross-check (issue acceptance): ccxt's bingx client, pinned in tests/ccxt/package.json, talks to the
# simulator. It places, lists and cancels orders; every 64-bit id must come back intact.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psd1') -Force
    $api = Get-SpotApiPath
    $ccxtDirectory = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../ccxt'))
    $node = Get-Command node -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $npm = Get-Command npm -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($node) {
        $sim = Start-TestSimulator
    }
}

AfterAll {
    if ($node) { Stop-TestSimulator $sim }
}

Describe 'ccxt cross-check' {
    It 'runs ccxt 4.5.84 against the simulator and every check passes' {
        if (-not $node) {
            Set-ItResult -Skipped -Because 'node is not installed, so the ccxt cross-check cannot run'
            return
        }
        # Only the first run fetches: npm ci installs exactly the committed lock file.
        if (-not (Test-Path (Join-Path $ccxtDirectory 'node_modules/ccxt/package.json'))) {
            if (-not $npm) { throw 'node is installed but npm is not: cannot install ccxt for the cross-check.' }
            Push-Location $ccxtDirectory
            try {
                $npmOutput = & $npm.Source ci --no-audit --no-fund 2>&1
                if ($LASTEXITCODE -ne 0) { throw "npm ci failed in ${ccxtDirectory}: $($npmOutput -join [Environment]::NewLine)" }
            }
            finally { Pop-Location }
        }

        $account = New-SimAccount -Simulator $sim -Balances @{ USDT = '10000' }
        $output = & $node.Source (Join-Path $ccxtDirectory 'crosscheck.js') $sim.BaseUri.AbsoluteUri $account.ApiKey $account.SecretKey 2>&1
        $exitCode = $LASTEXITCODE
        $result = ($output | Select-Object -Last 1) | ConvertFrom-Json
        $result.ccxtVersion | Should -Be '4.5.84'
        foreach ($check in $result.checks) {
            $check.ok | Should -BeTrue -Because "$($check.name): $($check.detail | ConvertTo-Json -Compress -Depth 5)"
        }
        @($result.checks).Count | Should -BeGreaterOrEqual 10
        $result.ok | Should -BeTrue
        $exitCode | Should -Be 0

        # ccxt sent the batch ids URL-encoded; the simulator verified the signature over the decoded values.
        $batch = Get-SimRequestLog -Simulator $sim -Path $api.CancelMany
        $batch[-1].query | Should -Match 'orderIds=\d+%2C\d+'
        $batch[-1].code | Should -Be 0
    }
}
