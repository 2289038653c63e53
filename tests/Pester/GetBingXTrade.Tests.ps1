# Get-BingXTrade end to end (trade/myTrades): 7-day windows, decimals, orders piped in.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
    $day = 24L * 3600 * 1000
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Get-BingXTrade' {
    BeforeAll {
        $account = New-ConnectedSimAccount $sim
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
        # Fills 9 days, 2 days and 1 hour ago (the order is placed and filled at that time).
        $filled = foreach ($ago in @((9 * $day), (2 * $day), 3600000)) {
            $null = Set-SimClock -Simulator $sim -FixedTimeMs ($now - $ago)
            $order = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000.5' -Quantity '0.003'
            $null = Complete-SimOrder -Simulator $sim -OrderId $order.orderId -Quantity '0.001'
            $null = Complete-SimOrder -Simulator $sim -OrderId $order.orderId
            $order
        }
        $null = Set-SimClock -Simulator $sim -Real
    }
    BeforeEach { Clear-SimRequestLog $sim }

    It 'splits 10 days into 2 calls of at most 7 days and returns the fills oldest first, typed, with decimals' {
        $trades = @(Get-BingXTrade -Symbol BTC-USDT -Since (Get-Date).AddDays(-10))

        $trades | Should -HaveCount 6
        $trades | ForEach-Object { $_ | Should -BeOfType ([BingX.PowerShell.BingXTrade]) }
        $trades[0].OrderId | Should -Be ([long] $filled[0].orderId)
        $trades[-1].OrderId | Should -Be ([long] $filled[2].orderId)
        for ($i = 1; $i -lt $trades.Count; $i++) { $trades[$i].Time | Should -BeGreaterOrEqual $trades[$i - 1].Time }
        $trades[0].Price | Should -Be ([decimal] '30000.5')
        $trades[0].Qty | Should -Be ([decimal] '0.001')
        $trades[0].QuoteQty | Should -Be ([decimal] '30.0005')
        $trades[0].Commission | Should -BeOfType ([decimal])
        $trades[0].Commission | Should -Be ([decimal] '0.000001')
        $trades[0].CommissionAsset | Should -Be 'BTC'
        $trades[0].Side | Should -Be 'BUY'
        $trades[0].Id | Should -BeGreaterThan ([long] [math]::Pow(2, 53))

        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.Trades)
        $log | Should -HaveCount 2
        $windows = $log | ForEach-Object { ConvertFrom-SimQuery $_.query }
        foreach ($window in $windows) {
            $window.symbol | Should -Be 'BTC-USDT'
            $window.limit | Should -Be '1000'
            ([long] $window.endTime - [long] $window.startTime) | Should -BeLessOrEqual (7 * $day)
        }
        [long] $windows[1].startTime | Should -Be ([long] $windows[0].endTime + 1)
    }

    It 'takes orders from the pipeline by Symbol and OrderId' {
        $trades = @(Get-BingXOrder -Symbol BTC-USDT -OrderId $filled[1].orderId | Get-BingXTrade -Since (Get-Date).AddDays(-3))
        $trades | Should -HaveCount 2
        @($trades.OrderId | Sort-Object -Unique) | Should -Be @([long] $filled[1].orderId)
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Trades)[0].query).orderId | Should -Be ([string] $filled[1].orderId)
    }

    It 'defaults to the last day in one call' {
        $trades = @(Get-BingXTrade BTC-USDT)
        $trades | Should -HaveCount 2
        @(Get-SimRequestLog -Simulator $sim -Path $api.Trades) | Should -HaveCount 1
    }

    It 'pages a window of more than 1000 fills with fromId (the next id after the last one)' {
        $busy = New-ConnectedSimAccount $sim
        $order = Add-SimOrder -Simulator $sim -ApiKey $busy.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '1.002'
        foreach ($i in 1..1001) { $null = Complete-SimOrder -Simulator $sim -OrderId $order.orderId -Quantity '0.001' }
        Clear-SimRequestLog $sim

        $trades = @(Get-BingXTrade -Symbol BTC-USDT)

        $trades | Should -HaveCount 1001
        @($trades.Id | Sort-Object -Unique) | Should -HaveCount 1001
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.Trades)
        $log | Should -HaveCount 2
        $first = ConvertFrom-SimQuery $log[0].query
        $second = ConvertFrom-SimQuery $log[1].query
        $first.Contains('fromId') | Should -BeFalse
        $second.fromId | Should -Be ([string] ($trades[999].Id + 1))
        $second.startTime | Should -Be $first.startTime
        $second.endTime | Should -Be $first.endTime
    }

    It 'refuses -Since after -Until before sending anything' {
        { Get-BingXTrade -Symbol BTC-USDT -Since (Get-Date) -Until (Get-Date).AddDays(-1) } | Should -Throw -ErrorId 'BingXInvalidParameter*'
        @(Get-SimRequestLog -Simulator $sim) | Should -HaveCount 0
    }
}

Describe 'the simulator''s trade/myTrades' {
    It 'refuses a range over 7 days and limit over 1000 with 100400, and needs a symbol' {
        $account = New-SimAccount -Simulator $sim
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
        $wide = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.Trades -Parameters ([ordered] @{ symbol = 'BTC-USDT'; startTime = [string] ($now - 8 * $day); endTime = [string] $now })
        $wide.Json.code | Should -Be 100400
        $many = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.Trades -Parameters ([ordered] @{ symbol = 'BTC-USDT'; limit = '1001' })
        $many.Json.code | Should -Be 100400
        $none = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.Trades
        $none.Json.code | Should -Be 100400
        $ok = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.Trades -Parameters ([ordered] @{ symbol = 'BTC-USDT' })
        $ok.Body | Should -Match '"fills":\[\]'
    }
}
