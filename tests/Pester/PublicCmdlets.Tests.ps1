# Get-BingXSymbol and Get-BingXServerTime: public endpoints, no credentials needed.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
    function Use-SimulatorWithoutCredentials {
        # No Connect-BingX, no vault: only the base URI points at the simulator.
        Disconnect-BingX
        $env:BINGX_BASE_URI = [string] $sim.BaseUri
        Clear-SimRequestLog $sim
    }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Get-BingXSymbol' {
    BeforeEach { Use-SimulatorWithoutCredentials }

    It 'lists every symbol with typed trading rules, needing no credentials' {
        $symbols = @(Get-BingXSymbol)

        $symbols.Count | Should -BeGreaterThan 10
        $symbols | ForEach-Object { $_ | Should -BeOfType ([BingX.PowerShell.BingXSymbol]) }
        $btc = $symbols | Where-Object Symbol -EQ 'BTC-USDT'
        $btc.TickSize | Should -Be ([decimal] '0.01')
        $btc.StepSize | Should -Be ([decimal] '0.00001')
        $btc.MinQty | Should -BeOfType ([decimal])
        $btc.MinNotional | Should -Be ([decimal] '2')
        $btc.IsOnline | Should -BeTrue
        $btc.ApiStateBuy | Should -BeTrue
        ($symbols | Where-Object Symbol -EQ 'LUNA-USDT').IsOnline | Should -BeFalse
        ($symbols | Where-Object Symbol -EQ 'PEPE-USDT').ApiStateSell | Should -BeFalse

        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests | Should -HaveCount 1
        $requests[0].path | Should -Be $api.Symbols
        $requests[0].query | Should -Not -Match 'signature|timestamp'
        $requests[0].headers.PSObject.Properties.Name | Should -Not -Contain 'X-BX-APIKEY'
    }

    It 'asks the exchange for one symbol by name' {
        $symbol = Get-BingXSymbol -Symbol eth-usdt
        $symbol.Symbol | Should -Be 'ETH-USDT'
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim)[0].query).symbol | Should -Be 'ETH-USDT'
    }

    It 'reads several symbols with one request, in the order asked' {
        $symbols = @(Get-BingXSymbol -Symbol SOL-USDT, BTC-USDT)
        @($symbols.Symbol) | Should -Be @('SOL-USDT', 'BTC-USDT')
        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests | Should -HaveCount 1
        (ConvertFrom-SimQuery $requests[0].query).Contains('symbol') | Should -BeFalse
    }

    It 'takes symbols from the pipeline, by value and by property name' {
        @('btc-usdt', 'xrp-usdt' | Get-BingXSymbol).Symbol | Should -Be @('BTC-USDT', 'XRP-USDT')
        ([pscustomobject] @{ Symbol = 'DOGE-USDT' } | Get-BingXSymbol).Symbol | Should -Be 'DOGE-USDT'
    }

    It 'an unknown symbol is a non-terminating BingXSymbolNotFound naming it; the others are written' {
        $errors = @()
        $symbols = @(Get-BingXSymbol -Symbol BTC-USDT, NOPE-USDT -ErrorVariable errors -ErrorAction SilentlyContinue)
        $symbols.Symbol | Should -Be 'BTC-USDT'
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'BingXSymbolNotFound,BingX.PowerShell.Commands.GetBingXSymbolCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 'NOPE-USDT'
        $errors[0].Exception.Message | Should -Match 'NOPE-USDT'
    }

    It 'an unknown single symbol too (the exchange answers with an empty list)' {
        $errors = @()
        Get-BingXSymbol -Symbol NOPE-USDT -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'BingXSymbolNotFound,*'
    }

    It 'under de-DE reads decimals exactly' {
        $gm = Invoke-InCulture de-DE { Get-BingXSymbol -Symbol GM-USDT }
        $gm.TickSize | Should -Be ([decimal] '0.00000001')
    }

    It 'formats as a table' {
        $table = Get-BingXSymbol -Symbol BTC-USDT | Format-Table | Out-String -Width 150
        $table | Should -Match 'Symbol\s+Online\s+TickSize\s+StepSize\s+MinQty\s+MinNotional'
    }

    It 'refuses -Symbol <Name> before sending anything' -ForEach @(
        @{ Value = 'BTC/USDT'; Name = 'with a slash' }
        @{ Value = 'BTCUSDT'; Name = 'without a hyphen' }
        @{ Value = 'BTC-USDT&symbol=ETH-USDT'; Name = 'with an injection attempt' }
        @{ Value = ''; Name = 'empty' }
        @{ Value = $null; Name = '$null' }
    ) {
        { Get-BingXSymbol -Symbol $Value } | Should -Throw
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
    }

    It 'refuses -TimeoutSec <_> before sending anything' -ForEach 0, 601 {
        { Get-BingXSymbol -TimeoutSec $_ } | Should -Throw
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
    }
}

Describe 'Get-BingXServerTime' {
    BeforeEach { Use-SimulatorWithoutCredentials }
    AfterEach { $null = Set-SimClock -Simulator $sim -Real }

    It 'measures the server clock, needing no credentials' {
        $time = Get-BingXServerTime

        $time | Should -BeOfType ([BingX.PowerShell.BingXServerTime])
        $time.ServerTime | Should -BeOfType ([DateTimeOffset])
        [math]::Abs(($time.ServerTime - [DateTimeOffset]::UtcNow).TotalSeconds) | Should -BeLessThan 5
        [math]::Abs($time.Offset.TotalMilliseconds) | Should -BeLessThan 1000
        $time.RoundTrip | Should -BeGreaterOrEqual ([TimeSpan]::Zero)
        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests | Should -HaveCount 1
        $requests[0].path | Should -Be $api.ServerTime
        $requests[0].headers.PSObject.Properties.Name | Should -Not -Contain 'X-BX-APIKEY'
    }

    It 'reports a skewed exchange clock as the offset' {
        $null = Set-SimClock -Simulator $sim -OffsetMs 30000
        $time = Get-BingXServerTime
        $time.Offset.TotalMilliseconds | Should -BeGreaterThan 29000
        $time.Offset.TotalMilliseconds | Should -BeLessThan 31000
    }

    It 'keeps the offset: the next signed request is stamped on the exchange''s clock and accepted first time' {
        $account = New-SimAccount -Simulator $sim -Balances @{ USDT = '1' }
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        # Connect measured offset 0; the exchange's clock now jumps 30 s ahead (beyond the 5 s receive window).
        $null = Set-SimClock -Simulator $sim -OffsetMs 30000
        $null = Get-BingXServerTime
        Clear-SimRequestLog $sim
        $before = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()

        $null = Get-BingXBalance -IncludeZero

        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests.path | Should -Be @($api.Balance) -Because 'no rejected attempt and no resync were needed'
        $requests[0].code | Should -Be 0
        $stamp = [long] (ConvertFrom-SimQuery ($requests[0].query -split '&signature=')[0]).timestamp
        ($stamp - $before) | Should -BeGreaterThan 28000
        ($stamp - $before) | Should -BeLessThan 32000
    }

    It 'formats as a table in milliseconds' {
        $table = Get-BingXServerTime | Format-Table | Out-String -Width 150
        $table | Should -Match 'ServerTime \(UTC\)\s+LocalTime \(UTC\)\s+Offset \(ms\)\s+RoundTrip \(ms\)'
    }

    It 'an exchange that cannot be reached ends it with BingXNetworkError' {
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $env:BINGX_BASE_URI = "http://127.0.0.1:$port"
        $err = { Get-BingXServerTime -TimeoutSec 5 } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXNetworkError,*'
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'refuses -TimeoutSec <_> before sending anything' -ForEach 0, 601 {
        { Get-BingXServerTime -TimeoutSec $_ } | Should -Throw
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
    }
}
