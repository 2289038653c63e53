# The README's first command: demo/Invoke-Demo.ps1 (what build.ps1 -Task Demo runs after building), in a fresh pwsh.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.ChildProcess.psm1') -Force
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $demo = Join-Path $repoRoot 'demo/Invoke-Demo.ps1'
    $run = Invoke-ChildPwsh -File $demo -ArgumentList @('-ModulePath', $env:BINGX_MODULE_PATH, '-SimulatorPath', $env:BINGX_SIMULATOR_PATH) -TimeoutSec 90
    $output = $run.StdOut

    function Get-Section([string] $Title, [string] $NextTitle) {
        # The text between two of the demo's numbered titles.
        $start = $output.IndexOf($Title)
        $end = if ($NextTitle) { $output.IndexOf($NextTitle) } else { $output.Length }
        if ($start -lt 0 -or $end -lt $start) { return '' }
        return $output.Substring($start, $end - $start)
    }

    function Get-OrderRow([string] $Text) {
        # Table rows of orders: symbol, 19-digit order id, side.
        return @($Text -split "`r?`n" | Where-Object { $_ -match '^[A-Z0-9]+-[A-Z0-9]+\s+\d{19}\s+(BUY|SELL)\s' })
    }
}

Describe 'demo/Invoke-Demo.ps1' {
    It 'runs green' {
        $run.ExitCode | Should -Be 0 -Because "$output`n$($run.StdErr)"
        $run.StdErr | Should -BeNullOrEmpty
        $output | Should -Not -Match 'Demo failed'
    }

    It 'says which vault it used' {
        # The demo takes the real modules only when both SecretManagement and SecretStore are installed.
        $real = $env:BINGX_SECRETMANAGEMENT -eq 'real' -and (Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretStore)
        $expected = if ($real) { 'Vault     : SecretStore' } else { 'Vault     : the in-memory SecretManagement stand-in' }
        $output | Should -Match ([regex]::Escape($expected))
    }

    It 'connects from the vault' {
        Get-Section '1. Connect' '2. What is open' | Should -Match "Source\s+: secret 'BingX' in vault 'BingXDemo'"
    }

    It 'shows the open orders on all three symbols before' {
        $rows = Get-OrderRow (Get-Section '2. What is open' '3. What would go')
        $rows | Should -HaveCount 6
        @($rows | Where-Object { $_ -match '^BTC-USDT .* PENDING$' }) | Should -HaveCount 3
        @($rows | Where-Object { $_ -match '^ETH-USDT ' }) | Should -HaveCount 2
        @($rows | Where-Object { $_ -match '^SOL-USDT ' }) | Should -HaveCount 1
    }

    It 'shows the -WhatIf text naming the BTC-USDT orders' {
        $whatIf = Get-Section '3. What would go' '4. The real cancel'
        $whatIf | Should -Match ([regex]::Escape('What if: Cancel all open orders on BTC-USDT (3 open orders):'))
        @($whatIf -split "`r?`n" | Where-Object { $_ -match '^\s+\d{19} BTC-USDT (BUY|SELL) LIMIT ' }) | Should -HaveCount 3
    }

    It 'shows the three cancelled orders' {
        $rows = Get-OrderRow (Get-Section '4. The real cancel' '5. What is left')
        $rows | Should -HaveCount 3
        $rows | ForEach-Object { $_ | Should -Match '^BTC-USDT .* CANCELED$' }
    }

    It 'shows what is left: the other symbols'' orders, still open' {
        $rows = Get-OrderRow (Get-Section '5. What is left' 'Demo finished')
        $rows | Should -HaveCount 3
        $rows | Should -Not -Match '^BTC-USDT'
        $rows | ForEach-Object { $_ | Should -Match '^(ETH|SOL)-USDT .* PENDING$' }
    }

    It 'finishes (reporting its time) and stops the simulator' {
        # The -match operator, not Should -Match: only the operator fills $Matches here.
        $output -match 'Demo finished in (?<seconds>[\d.]+) s' | Should -BeTrue
        # Not a speed target (those live in bench/): only a guard against a hang.
        [double] $Matches.seconds | Should -BeLessThan 120
        $output | Should -Match 'Simulator stopped\.'
        $output -match 'Simulator : http://127\.0\.0\.1:\d+/ \(process (?<id>\d+)\)' | Should -BeTrue
        $simulatorId = [int] $Matches.id
        $simulatorId | Should -BeGreaterThan 0
        Get-Process -Id $simulatorId -ErrorAction Ignore | Should -BeNullOrEmpty
    }

    It 'never prints a key or secret (64 letters and digits)' {
        "$output$($run.StdErr)" | Should -Not -Match '\b[A-Za-z0-9]{64}\b'
    }
}
