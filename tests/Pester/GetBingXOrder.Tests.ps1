# Get-BingXOrder end to end (trade/query): by order id, by client order id, piped orders read again.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Get-BingXOrder' {
    BeforeAll {
        $account = New-ConnectedSimAccount $sim
        $open = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '29999.99' -Quantity '0.002' -ClientOrderId 'runbook_1'
        $trigger = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Type TRIGGER_LIMIT -Price '3000' -StopPrice '2900' -Quantity '1' -Status PENDING
        $cancelled = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side SELL -Price '40000' -Quantity '0.002' -Status CANCELED
        $toFill = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '31000' -Quantity '0.004'
        $null = Complete-SimOrder -Simulator $sim -OrderId $toFill.orderId
        $openId = [long] $open.orderId
    }
    BeforeEach { Clear-SimRequestLog $sim }

    It 'reads one order by id with trade/query, as a typed object with the query fields' {
        $order = Get-BingXOrder -Symbol BTC-USDT -OrderId $openId

        $order | Should -BeOfType ([BingX.PowerShell.BingXOrder])
        $order.OrderId | Should -Be $openId
        $order.ClientOrderId | Should -Be 'runbook_1'
        $order.Status | Should -Be 'PENDING'
        $order.Price | Should -Be ([decimal] '29999.99')
        $order.OrigQty | Should -Be ([decimal] '0.002')
        $order.Time | Should -BeOfType ([DateTimeOffset])
        $order.AvgPrice | Should -Be 0

        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests | Should -HaveCount 1
        $requests[0].method | Should -Be 'GET'
        $requests[0].path | Should -Be $api.Query
        $query = ConvertFrom-SimQuery $requests[0].query
        $query.orderId | Should -Be ([string] $openId)
        $query.symbol | Should -Be 'BTC-USDT'
        $query.Contains('clientOrderID') | Should -BeFalse
    }

    It 'reads by client order id with clientOrderID' {
        $order = Get-BingXOrder -Symbol BTC-USDT -ClientOrderId runbook_1
        $order.OrderId | Should -Be $openId
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim)[0].query).clientOrderID | Should -Be 'runbook_1'
    }

    It 'reads final orders too: filled and cancelled, with fill details' {
        $filled = Get-BingXOrder -Symbol BTC-USDT -OrderId $toFill.orderId
        $filled.Status | Should -Be 'FILLED'
        $filled.ExecutedQty | Should -Be ([decimal] '0.004')
        $filled.AvgPrice | Should -Be ([decimal] '31000')
        $filled.FeeAsset | Should -Be 'BTC'
        (Get-BingXOrder -Symbol BTC-USDT -OrderId $cancelled.orderId).Status | Should -Be 'CANCELED'
    }

    It 'reads trigger orders with their stop price (StopPrice in query answers)' {
        $order = Get-BingXOrder ETH-USDT $trigger.orderId
        $order.Type | Should -Be 'TRIGGER_LIMIT'
        $order.StopPrice | Should -Be ([decimal] '2900')
        $order.Status | Should -Be 'PENDING'
    }

    It 'reads several ids, one request each, in the order given' {
        $orders = @(Get-BingXOrder -Symbol BTC-USDT -OrderId $toFill.orderId, $openId)
        @($orders.OrderId) | Should -Be @([long] $toFill.orderId, $openId)
        @(Get-SimRequestLog -Simulator $sim -Path $api.Query) | Should -HaveCount 2
    }

    It 'reads piped open orders again by their order id: Get-BingXOpenOrder | Get-BingXOrder' {
        $orders = @(Get-BingXOpenOrder | Get-BingXOrder)
        @($orders.OrderId | Sort-Object) | Should -Be @(@($openId, [long] $trigger.orderId) | Sort-Object)
        Get-SimRequestLog -Simulator $sim -Path $api.Query | ForEach-Object { (ConvertFrom-SimQuery $_.query).Contains('orderId') | Should -BeTrue }
    }

    It 'reads piped objects that carry only a client order id by it' {
        $order = [pscustomobject] @{ Symbol = 'BTC-USDT'; ClientOrderId = 'runbook_1' } | Get-BingXOrder
        $order.OrderId | Should -Be $openId
    }

    It 'an unknown id is a non-terminating ObjectNotFound error naming it; the others are read' {
        $errors = @()
        $orders = @(Get-BingXOrder -Symbol BTC-USDT -OrderId 1234567890123456789, $openId -ErrorVariable errors -ErrorAction SilentlyContinue)
        $orders.OrderId | Should -Be $openId
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'BingXApiError,BingX.PowerShell.Commands.GetBingXOrderCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 1234567890123456789
        $errors[0].Exception.Code | Should -Be 100404
    }

    It 'an order on another symbol is not found on this one' {
        $errors = @()
        Get-BingXOrder -Symbol ETH-USDT -OrderId $openId -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors | Should -HaveCount 1
    }

    It 'under de-DE reads decimals exactly' {
        $order = Invoke-InCulture de-DE { Get-BingXOrder -Symbol BTC-USDT -OrderId ([string] $openId) }
        $order.Price | Should -Be ([decimal] '29999.99')
    }
}

Describe 'Get-BingXOrder refuses bad input before sending anything' {
    BeforeAll { $account = New-ConnectedSimAccount $sim }
    BeforeEach { Clear-SimRequestLog $sim }
    AfterEach { Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty -Because 'nothing may reach the exchange' }

    It 'with -Symbol <Name>' -ForEach @(
        @{ Value = $null; Name = '$null' }
        @{ Value = ''; Name = 'empty' }
        @{ Value = 'BTC_USDT'; Name = 'an underscore' }
        @{ Value = 'BTC-USDT&orderId=1'; Name = 'an injection attempt' }
    ) {
        { Get-BingXOrder -Symbol $Value -OrderId 1 } | Should -Throw
    }

    It 'with -OrderId <Name>' -ForEach @(
        @{ Value = 0; Name = '0' }
        @{ Value = -1; Name = 'negative' }
        @{ Value = 'x1'; Name = 'letters' }
        @{ Value = 2.5; Name = 'a fraction' }
        @{ Value = [double] 1735964997957275651; Name = 'a double' }
        @{ Value = $null; Name = '$null' }
        @{ Value = @(); Name = 'an empty array' }
    ) {
        $err = { Get-BingXOrder -Symbol BTC-USDT -OrderId $Value } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^ParameterArgument(Validation|Transformation)Error,'
    }

    It 'with -ClientOrderId <Name>' -ForEach @(
        @{ Value = 'a b'; Name = 'a space' }
        @{ Value = 'a,b'; Name = 'a comma' }
        @{ Value = ('y' * 41); Name = '41 characters' }
        @{ Value = ''; Name = 'empty' }
        @{ Value = $null; Name = '$null' }
    ) {
        $err = { Get-BingXOrder -Symbol BTC-USDT -ClientOrderId $Value } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
    }

    It 'with both -OrderId and -ClientOrderId' {
        $err = { Get-BingXOrder -Symbol BTC-USDT -OrderId 1 -ClientOrderId a } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'AmbiguousParameterSet,*'
    }

    It 'with neither id' {
        { Get-BingXOrder -Symbol BTC-USDT } | Should -Throw
    }

    It 'with -RecvWindow <_>' -ForEach 0, 60001 {
        { Get-BingXOrder -Symbol BTC-USDT -OrderId 1 -RecvWindow $_ } | Should -Throw
    }
}
