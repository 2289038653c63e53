# The simulator answers the way the live exchange does (tests/BingX.Simulator/README.md, "Fidelity"), and the module
# reads those answers: the shapes users' own tests see must be the shapes production sees.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers Reliability
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Resting orders and client order ids' -Tag Core {
    BeforeEach { $account = New-ConnectedSimAccount $sim }

    It 'a resting LIMIT order reads Pending, and Where-Object Status -eq ''Pending'' finds it (README, help)' {
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -Confirm:$false
        $order.Status | Should -Be 'PENDING'
        $resting = @(Get-BingXOpenOrder -Symbol BTC-USDT | Where-Object Status -eq 'Pending')
        $resting.OrderId | Should -Be $order.OrderId
        @(Get-BingXOpenOrder -Symbol BTC-USDT | Where-Object Status -eq 'New') | Should -BeNullOrEmpty
    }

    It 'a placement with -ClientOrderId returns it from an answer that carries only origClientOrderId' {
        $raw = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.Order `
            -Parameters ([ordered] @{ newClientOrderId = 'raw_check'; price = '30000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
        $raw.Json.data.PSObject.Properties.Name | Should -Contain 'origClientOrderId'
        $raw.Json.data.PSObject.Properties.Name | Should -Not -Contain 'clientOrderID'
        $raw.Json.data.PSObject.Properties.Name | Should -Not -Contain 'clientOrderId'

        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -ClientOrderId 'fidelity_1' -Confirm:$false
        $order.ClientOrderId | Should -BeExactly 'fidelity_1'
    }

    It 'a price and quantity finer than the symbol''s steps are placed truncated, as on BingX' {
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.0012345 -Price 30000.129 -Confirm:$false
        $order.Price | Should -Be ([decimal] '30000.12')
        $order.OrigQty | Should -Be ([decimal] '0.00123')
    }
}

Describe 'The two families of error bodies' -Tag Core {
    BeforeAll { $account = New-SimAccount -Simulator $sim -Balances @{ USDT = '10' } }

    It 'gateway refusals (<Case>) carry code, msg and the server timestamp, never debugMsg' -ForEach @(
        @{ Case = 'unknown key'; Key = 'nobody'; Code = 100413 }
        @{ Case = 'wrong signature'; Secret = 'wrong'; Code = 100001 }
        @{ Case = 'stale timestamp'; Stale = $true; Code = 100421 }
    ) {
        $request = @{ Simulator = $sim; ApiKey = $(if ($Key) { $Key } else { $account.ApiKey }); SecretKey = $(if ($Secret) { $Secret } else { $account.SecretKey }); Method = 'GET'; Path = $api.OpenOrders }
        if ($Stale) { $request.Timestamp = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() - 60000 }
        $before = (Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/clock').serverTime
        $answer = Invoke-SignedSimRequest @request
        $answer.Json.code | Should -Be $Code
        $answer.Json.PSObject.Properties.Name | Should -Be @('code', 'msg', 'timestamp')
        $answer.Json.timestamp | Should -BeGreaterOrEqual $before
    }

    It 'service rejections (<Case>) carry code, msg and debugMsg, never a timestamp' -ForEach @(
        @{ Case = 'insufficient funds'; Code = 100202; Parameters = [ordered] @{ price = '30000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }; Msg = 'Insufficient assets, please verify the assets status' }
        @{ Case = 'offline symbol'; Code = 100490; Parameters = [ordered] @{ price = '1'; quantity = '10'; side = 'BUY'; symbol = 'LUNA-USDT'; type = 'LIMIT' }; Msg = 'spot symbol is offline' }
        @{ Case = 'pre-open symbol'; Code = 100490; Parameters = [ordered] @{ price = '1'; quantity = '10'; side = 'BUY'; symbol = 'NEWT-USDT'; type = 'LIMIT' }; Msg = 'spot symbol is offline' }
    ) {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.Order -Parameters $Parameters
        $answer.Json.code | Should -Be $Code
        $answer.Json.msg | Should -BeExactly $Msg
        $answer.Json.PSObject.Properties.Name | Should -Be @('code', 'msg', 'debugMsg')
    }

    It 'the module reads both: a gateway refusal is BingXAuthenticationFailed, a service one BingXApiError' {
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        $bad = [pscredential]::new('nobody', (ConvertTo-SecureString 'x' -AsPlainText -Force))
        $err = { Get-BingXBalance -Credential $bad -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXAuthenticationFailed,*'
        $err = { New-BingXOrder -Symbol LUNA-USDT -Side BUY -Type LIMIT -Quantity 10 -Price 1 -Confirm:$false -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXApiError,*'
        $err.Exception.Message | Should -Match 'spot symbol is offline'
    }
}

Describe 'What else the live exchange sends' -Tag Core {
    BeforeEach { $account = New-ConnectedSimAccount $sim }

    It 'account/balance lists assets at zero too; Get-BingXBalance leaves them out unless -IncludeZero' {
        $null = Set-SimBalance -Simulator $sim -ApiKey $account.ApiKey -Balances @{ ETH = '0' }
        $raw = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.Balance
        $raw.Body | Should -Match '\{"asset":"ETH","free":"0","locked":"0"\}'
        (Get-BingXBalance).Asset | Should -Not -Contain 'ETH'
        (Get-BingXBalance -IncludeZero).Asset | Should -Contain 'ETH'
    }

    It 'common/symbols lists more statuses than 0 and 1, with displayName, maxMarketNotional, timeOnline and offTime' {
        $raw = Invoke-WebRequest -Uri ([uri]::new($sim.BaseUri, $api.Symbols)) | ConvertFrom-Json
        @($raw.data.symbols.status | Sort-Object -Unique) | Should -Be @(0, 1, 5, 25, 30)
        foreach ($field in 'displayName', 'maxMarketNotional', 'timeOnline', 'offTime') {
            $raw.data.symbols[0].PSObject.Properties.Name | Should -Contain $field
        }
        $symbols = Get-BingXSymbol
        ($symbols | Where-Object Symbol -EQ 'HALT-USDT').Status | Should -Be 25
        ($symbols | Where-Object Symbol -EQ 'HALT-USDT').IsOnline | Should -BeFalse
    }

    It 'trade/query sends the fee as a string and cancelOpenOrders its decimals as JSON numbers; the module reads both' {
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000.5 -Confirm:$false
        $query = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.Query `
            -Parameters ([ordered] @{ orderId = [string] $order.OrderId; symbol = 'BTC-USDT' })
        $query.Body | Should -Match '"fee":"0"'
        (Get-BingXOrder -Symbol BTC-USDT -OrderId $order.OrderId).Fee | Should -Be 0
        $cancelled = @(Stop-BingXOpenOrder -Symbol BTC-USDT -Force)
        $cancelled.Price | Should -Be ([decimal] '30000.5')
        $cancelled.OrderId | Should -Be $order.OrderId
    }

    It 'every answer carries X-RateLimit-Requests-Remain/-Expire; the module says in verbose how many requests are left' {
        $answer = Invoke-WebRequest -Uri ([uri]::new($sim.BaseUri, $api.ServerTime))
        $answer.Headers['X-RateLimit-Requests-Remain'] | Should -Not -BeNullOrEmpty
        $run = Invoke-CapturedCommand -Command 'Get-BingXOpenOrder -Symbol BTC-USDT -Verbose'
        $run.Error | Should -BeNullOrEmpty
        ($run.Verbose.Message -join "`n") | Should -Match 'BingX allows 9 more request\(s\) in this window, which ends in \d+ ms'
    }

    It 'when another program used up the key''s window, the next request waits for its end instead of drawing 100410' {
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001'
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side BUY -Price '2000' -Quantity '0.01'
        # The other program: one cancel-all (the limit is 2 per second), just before this one starts.
        $null = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll -Parameters ([ordered] @{ symbol = 'SOL-USDT' })
        Clear-SimRequestLog $sim
        $cancelled = @(Stop-BingXOpenOrder -Symbol BTC-USDT, ETH-USDT -Force -ErrorAction Stop)
        $cancelled | Should -HaveCount 2
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $log.code | Should -Be @(0, 0) -Because 'the first answer said no request was left, so the second waited for the window to end'
    }
}
