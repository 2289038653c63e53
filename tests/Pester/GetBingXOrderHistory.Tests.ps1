# Get-BingXOrderHistory end to end (trade/historyOrders): paging by itself, filters, the audit after a cancel-all.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Get-BingXOrderHistory' {
    BeforeAll {
        $account = New-ConnectedSimAccount $sim
        # 250 closed orders, 10 per minute over 25 minutes an hour ago, alternately cancelled and filled; 2 open ones.
        $start = [DateTimeOffset]::UtcNow.AddHours(-1).ToUnixTimeMilliseconds()
        $seeded = foreach ($minute in 0..24) {
            $null = Set-SimClock -Simulator $sim -FixedTimeMs ($start + $minute * 60000)
            Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price 30000 -Quantity 0.001 -Count 10 -Status ($minute % 2 ? 'FILLED' : 'CANCELED')
        }
        $null = Set-SimClock -Simulator $sim -Real
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price 30000 -Quantity 0.001 -Count 2
        $seededIds = @($seeded | ForEach-Object { [long] $_.orderId })
    }
    BeforeEach { Clear-SimRequestLog $sim }

    It 'pages 250 orders through 3 requests and returns them all, typed, in time order (most recent first)' {
        $orders = @(Get-BingXOrderHistory -Symbol BTC-USDT)

        $orders | Should -HaveCount 250
        @($orders | Where-Object { $_ -isnot [BingX.PowerShell.BingXOrder] }) | Should -HaveCount 0
        @($orders.OrderId | Sort-Object) | Should -Be @($seededIds | Sort-Object)
        $orders[0].OrderId | Should -BeOfType ([long])
        $orders[0].Price | Should -BeOfType ([decimal])
        $times = @($orders | ForEach-Object { $_.Time.ToUnixTimeMilliseconds() })
        $times | Should -Be @($times | Sort-Object -Descending)
        $orders[0].Time.ToUnixTimeMilliseconds() | Should -Be ($start + 24 * 60000)
        $orders[-1].Time.ToUnixTimeMilliseconds() | Should -Be $start

        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.History)
        $log | Should -HaveCount 3
        $log | ForEach-Object { $_.method | Should -Be 'GET'; $_.code | Should -Be 0 }
        @($log | ForEach-Object { (ConvertFrom-SimQuery $_.query).pageIndex }) | Should -Be @('1', '2', '3')
        @($log | ForEach-Object { (ConvertFrom-SimQuery $_.query).pageSize } | Sort-Object -Unique) | Should -Be @('100')
    }

    It 'writes each page as it arrives (the first order is out before the last page is asked for)' {
        $seenAtFirst = $null
        Get-BingXOrderHistory -Symbol BTC-USDT | Select-Object -First 1 | ForEach-Object { $seenAtFirst = @(Get-SimRequestLog -Simulator $sim -Path $api.History).Count }
        $seenAtFirst | Should -Be 1
    }

    It '-Status Canceled filters on the exchange; two statuses are filtered here and stay in time order' {
        $canceled = @(Get-BingXOrderHistory -Symbol BTC-USDT -Status Canceled)
        $canceled | Should -HaveCount 130
        @($canceled.Status | Sort-Object -Unique) | Should -Be @('CANCELED')
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.History)[0].query).status | Should -Be 'CANCELED'

        Clear-SimRequestLog $sim
        $both = @(Get-BingXOrderHistory -Symbol BTC-USDT -Status Canceled, Filled)
        $both | Should -HaveCount 250
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.History)[0].query).Contains('status') | Should -BeFalse
    }

    It '-Since/-Until send startTime/endTime in ms (a DateTime without a kind is local time)' {
        $since = [DateTimeOffset]::FromUnixTimeMilliseconds($start + 5 * 60000).LocalDateTime
        $until = [DateTimeOffset]::FromUnixTimeMilliseconds($start + 6 * 60000).UtcDateTime
        $orders = @(Get-BingXOrderHistory -Symbol BTC-USDT -Since ([datetime]::SpecifyKind($since, 'Unspecified')) -Until $until)
        $orders | Should -HaveCount 20
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.History)[0].query
        $query.startTime | Should -Be ([string] ($start + 5 * 60000))
        $query.endTime | Should -Be ([string] ($start + 6 * 60000))
    }

    It 'refuses a status that is not final, and -Since after -Until, before sending anything' {
        { Get-BingXOrderHistory -Status New } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Get-BingXOrderHistory -Since (Get-Date) -Until (Get-Date).AddDays(-1) } | Should -Throw -ErrorId 'BingXInvalidParameter*'
        @(Get-SimRequestLog -Simulator $sim) | Should -HaveCount 0
    }

    It 'is the audit after a cancel-all: what Stop-BingXOpenOrder just cancelled' {
        $fresh = New-ConnectedSimAccount $sim
        $open = @(Add-SimOrder -Simulator $sim -ApiKey $fresh.ApiKey -Symbol ETH-USDT -Side SELL -Price 5000 -Quantity 1 -Count 3)
        $null = Stop-BingXOpenOrder -Symbol ETH-USDT -Force -Confirm:$false
        $audit = @(Get-BingXOrderHistory -Symbol ETH-USDT -Status Canceled -Since (Get-Date).AddMinutes(-5))
        @($audit.OrderId | Sort-Object) | Should -Be @($open | ForEach-Object { [long] $_.orderId } | Sort-Object)
    }
}

Describe 'Get-BingXOrderHistory at BingX''s 10,000-order limit' {
    It 'stops after 100 full pages (pageIndex * pageSize <= 10,000) with a warning to narrow the range' {
        $many = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $many.ApiKey -Symbol ETH-USDT -Side BUY -Price 2000 -Quantity 0.01 -Count 10000 -Status FILLED
        Clear-SimRequestLog $sim

        $count = 0
        Get-BingXOrderHistory -Symbol ETH-USDT -WarningVariable warned -WarningAction SilentlyContinue | ForEach-Object { $count++ }

        $count | Should -Be 10000
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.History)
        $log | Should -HaveCount 100
        $log | ForEach-Object { $_.code | Should -Be 0 }
        @($warned) | Should -HaveCount 1
        $warned[0].Message | Should -Match '-Since/-Until'
    }
}

Describe 'the simulator''s trade/historyOrders' {
    It 'refuses pageSize over 100 and pageIndex * pageSize over 10,000 with 100400' {
        $account = New-SimAccount -Simulator $sim
        $big = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.History -Parameters ([ordered] @{ pageSize = '101' })
        $big.Json.code | Should -Be 100400
        $far = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.History -Parameters ([ordered] @{ pageIndex = '101'; pageSize = '100' })
        $far.Json.code | Should -Be 100400
        $ok = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.History
        $ok.Json.code | Should -Be 0
        $ok.Body | Should -Match '"orders":\[\]'
    }
}
