# New-BingXOrder end to end: what goes on the wire, the exchange's rules checked before sending, and the one
# request that is never repeated: a lost answer is recovered by looking the order up by its client order id.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
}

AfterAll {
    Stop-ModuleTest
}

Describe 'New-BingXOrder places orders (culture <_>)' -ForEach 'en-US', 'de-DE' {
    BeforeAll { $previousCulture = Set-CurrentCulture $_ }
    AfterAll { $null = Set-CurrentCulture $previousCulture }
    BeforeEach { $account = New-ConnectedSimAccount $sim }

    It 'runs under <_>' {
        [cultureinfo]::CurrentCulture.Name | Should -Be $_
        (1.5).ToString() | Should -Be $(if ($_ -eq 'de-DE') { '1,5' } else { '1.5' })
    }

    It 'a LIMIT BUY: one signed POST with exactly the documented parameters, the created order written back' {
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000.5

        $order | Should -BeOfType ([BingX.PowerShell.BingXOrder])
        $order.Status | Should -Be 'PENDING'
        $order.Side | Should -Be 'BUY'
        $order.Type | Should -Be 'LIMIT'
        $order.Price | Should -Be ([decimal] '30000.5')
        $order.OrigQty | Should -Be ([decimal] '0.001')
        $order.OrderId | Should -BeGreaterThan 9007199254740992
        $order.ClientOrderId | Should -MatchExactly '^bx[A-Za-z0-9]{30}$'

        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests | Should -HaveCount 1
        $requests[0].method | Should -Be 'POST'
        $requests[0].path | Should -Be $api.Order
        $requests[0].body | Should -BeNullOrEmpty
        $signed, $signature = $requests[0].query -split '&signature='
        $signature | Should -Be (Get-SimSignature -SecretKey $account.SecretKey -Text $signed)
        $query = ConvertFrom-SimQuery $signed
        @($query.Keys) | Should -Be @('newClientOrderId', 'price', 'quantity', 'side', 'symbol', 'timestamp', 'type')
        $query.newClientOrderId | Should -Be $order.ClientOrderId
        $query.price | Should -Be '30000.5'
        $query.quantity | Should -Be '0.001'
        $query.side | Should -Be 'BUY'
        $query.type | Should -Be 'LIMIT'
        $query.symbol | Should -Be 'BTC-USDT'

        $held = Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey
        $held | Should -HaveCount 1
        [long] $held[0].orderId | Should -Be $order.OrderId
    }

    It 'generates a different client order id each time' {
        $first = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000
        $second = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000
        $first.ClientOrderId | Should -Not -Be $second.ClientOrderId
    }

    It 'sends the given -ClientOrderId as newClientOrderId' {
        $order = New-BingXOrder -Symbol ETH-USDT -Side SELL -Type LIMIT -Quantity 0.5 -Price 2500 -ClientOrderId 'runbook_42'
        $order.ClientOrderId | Should -Be 'runbook_42'
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query).newClientOrderId | Should -Be 'runbook_42'
    }

    It 'writes amounts plainly: no trailing zeros, no exponent, a point whatever the value''s scale' {
        $null = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity ([decimal] '0.00100') -Price ([decimal] '30000.00')
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query
        $query.quantity | Should -BeExactly '0.001'
        $query.price | Should -BeExactly '30000'
    }

    It 'a MARKET BUY by quote amount sends quoteOrderQty and fills' {
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type MARKET -QuoteQuantity 50
        $order.Status | Should -Be 'FILLED'
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query
        $query.quoteOrderQty | Should -Be '50'
        $query.Contains('quantity') | Should -BeFalse
        $query.Contains('price') | Should -BeFalse
    }

    It 'a MARKET SELL by quantity fills' {
        $order = New-BingXOrder -Symbol ETH-USDT -Side SELL -Type MARKET -Quantity 0.5
        $order.Status | Should -Be 'FILLED'
        $order.ExecutedQty | Should -Be ([decimal] '0.5')
    }

    It 'a <Type> order sends its stop price and waits (PENDING)' -ForEach @(
        @{ Type = 'TRIGGER_LIMIT'; Extra = @{ Price = '2400'; StopPrice = '2450' } }
        @{ Type = 'TAKE_STOP_LIMIT'; Extra = @{ Price = '2600'; StopPrice = '2550' } }
        @{ Type = 'TRIGGER_MARKET'; Extra = @{ StopPrice = '2450' } }
        @{ Type = 'TAKE_STOP_MARKET'; Extra = @{ StopPrice = '2550' } }
    ) {
        $order = New-BingXOrder -Symbol ETH-USDT -Side SELL -Type $Type -Quantity 0.5 @Extra
        $order.Status | Should -Be 'PENDING'
        $order.StopPrice | Should -Be ([decimal] $Extra.StopPrice)
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query
        $query.stopPrice | Should -Be $Extra.StopPrice
        $query.type | Should -Be $Type
        $query.Contains('price') | Should -Be ($Extra.ContainsKey('Price'))
    }

    It 'accepts side, type and time in force in any case and sends the exchange''s spelling' {
        $order = New-BingXOrder -Symbol btc-usdt -Side buy -Type limit -Quantity 0.001 -Price 30000 -TimeInForce postonly
        $order.Status | Should -Be 'PENDING'
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query
        $query.side | Should -BeExactly 'BUY'
        $query.type | Should -BeExactly 'LIMIT'
        $query.timeInForce | Should -BeExactly 'PostOnly'
        $query.symbol | Should -BeExactly 'BTC-USDT'
    }

    It 'passes an exchange rejection on with its code, and sends once' {
        $err = { New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 50 -Price 30000 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'BingXApiError,BingX.PowerShell.Commands.NewBingXOrderCommand'
        $err.Exception.Code | Should -Be 100202
        $err.TargetObject | Should -MatchExactly '^bx[A-Za-z0-9]{30}$'
        @(Get-SimRequestLog -Simulator $sim -Path $api.Order) | Should -HaveCount 1
        @(Get-SimRequestLog -Simulator $sim -Path $api.Query) | Should -HaveCount 0
    }

    It 'chains: New-BingXOrder | Stop-BingXOrder -Force | Get-BingXOrder' {
        $final = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 25000 | Stop-BingXOrder -Force | Get-BingXOrder
        $final.Status | Should -Be 'CANCELED'
        (Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey)[0].status | Should -Be 'CANCELED'
    }
}

Describe 'New-BingXOrder under de-DE' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $previous = Set-CurrentCulture de-DE
    }
    AfterEach { $null = Set-CurrentCulture $previous }

    It 'sends amounts with a point and writes exact decimals back' {
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.00123 -Price 30000.5
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query
        $query.quantity | Should -BeExactly '0.00123'
        $query.price | Should -BeExactly '30000.5'
        $order.Price | Should -Be ([decimal] '30000.5')
        $order.OrigQty | Should -Be ([decimal] '0.00123')
    }

    It 'reads text amounts with a point, the same as in any culture' {
        $null = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity '0.002' -Price '29000.25'
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query
        $query.quantity | Should -BeExactly '0.002'
        $query.price | Should -BeExactly '29000.25'
    }

    It 'refuses "0,5" instead of reading it as 5' {
        $err = { New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity '0,5' -Price 30000 } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentTransformationError,*'
        $err.Exception.Message | Should -Match 'decimal separator'
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
    }
}

Describe 'New-BingXOrder -WhatIf' {
    It 'sends nothing' {
        $account = New-ConnectedSimAccount $sim
        $output = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -WhatIf
        $output | Should -BeNullOrEmpty
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Should -BeNullOrEmpty
    }

    It 'names side, type, quantity or quote amount, price or stop price, and symbol' {
        $account = New-SimAccount -Simulator $sim
        Clear-SimRequestLog $sim
        $output = (Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command ('New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000.5 -ClientOrderId wi_1 -WhatIf;' +
            ' New-BingXOrder -Symbol ETH-USDT -Side BUY -Type MARKET -QuoteQuantity 50 -WhatIf;' +
            ' New-BingXOrder -Symbol ETH-USDT -Side SELL -Type TRIGGER_LIMIT -Quantity 0.5 -Price 2400 -StopPrice 2450 -TimeInForce IOC -WhatIf')).StdOut
        $output | Should -Match ([regex]::Escape('What if: Performing the operation "Place BUY LIMIT order: quantity 0.001, price 30000.5, client order id wi_1" on target "BTC-USDT".'))
        $output | Should -Match ([regex]::Escape('"Place BUY MARKET order: quote amount 50 USDT, market price, client order id bx'))
        $output | Should -Match ([regex]::Escape('"Place SELL TRIGGER_LIMIT order: quantity 0.5, price 2400, stop price 2450, time in force IOC, client order id bx'))
        Get-SimRequestLog -Simulator $sim | Where-Object path -EQ $api.Order | Should -BeNullOrEmpty
    }

    It 'supports ShouldProcess with ConfirmImpact Medium' {
        $attribute = [BingX.PowerShell.Commands.NewBingXOrderCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.SupportsShouldProcess | Should -BeTrue
        $attribute.ConfirmImpact | Should -Be 'Medium'
    }
}

Describe 'New-BingXOrder never places twice when the answer is lost' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        Clear-SimFault $sim
    }
    AfterEach { Clear-SimFault $sim }

    It 'recovers the order when the answer is lost after the exchange placed it (<Name>)' -ForEach @(
        @{ Name = 'dropped connection'; Fault = @{ Kind = 'drop' }; ErrorId = 'BingXNetworkError' }
        @{ Name = 'HTTP 502'; Fault = @{ Kind = 'status'; Status = 502 }; ErrorId = 'BingXHttpError' }
        @{ Name = 'HTTP 504 HTML page'; Fault = @{ Kind = 'html'; Status = 504 }; ErrorId = 'BingXHttpError' }
        @{ Name = 'malformed body'; Fault = @{ Kind = 'malformed' }; ErrorId = 'BingXInvalidResponse' }
        @{ Name = 'truncated body'; Fault = @{ Kind = 'truncated' }; ErrorId = 'BingXInvalidResponse' }
        @{ Name = 'system busy (100503)'; Fault = @{ Kind = 'business'; Code = 100503 }; ErrorId = 'BingXApiError' }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.Order -AfterProcessing @Fault
        $warnings = @()
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -WarningVariable warnings -WarningAction SilentlyContinue

        $order | Should -BeOfType ([BingX.PowerShell.BingXOrder])
        $order.Status | Should -Be 'PENDING'
        $order.ClientOrderId | Should -MatchExactly '^bx[A-Za-z0-9]{30}$'
        ($warnings -join "`n") | Should -Match 'was lost'
        ($warnings -join "`n") | Should -Match $ErrorId
        ($warnings -join "`n") | Should -Match $order.ClientOrderId

        @(Get-SimRequestLog -Simulator $sim -Path $api.Order) | Should -HaveCount 1 -Because 'placing is never repeated'
        $lookups = @(Get-SimRequestLog -Simulator $sim -Path $api.Query)
        $lookups | Should -HaveCount 1
        (ConvertFrom-SimQuery $lookups[0].query).clientOrderID | Should -Be $order.ClientOrderId
        $held = Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey
        $held | Should -HaveCount 1 -Because 'exactly one order exists: no duplicate'
        [long] $held[0].orderId | Should -Be $order.OrderId
    }

    It 'says the order was not placed when the exchange never got it (<Name>), and leaves no order' -ForEach @(
        @{ Name = 'dropped connection'; Fault = @{ Kind = 'drop' }; ErrorId = 'BingXNetworkError'; Category = 'ConnectionError' }
        @{ Name = 'HTTP 503'; Fault = @{ Kind = 'status'; Status = 503 }; ErrorId = 'BingXHttpError'; Category = 'ProtocolError' }
        @{ Name = 'system busy (100503)'; Fault = @{ Kind = 'business'; Code = 100503 }; ErrorId = 'BingXApiError'; Category = 'InvalidOperation' }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.Order @Fault
        # A 1 s receive window keeps the wait short: the last look-up comes after it has passed.
        $err = { New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -ClientOrderId 'retry_safe' -RecvWindow 1000 -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -Be 'BingXOrderNotPlaced,BingX.PowerShell.Commands.NewBingXOrderCommand'
        $err.CategoryInfo.Category | Should -Be $Category
        $err.TargetObject | Should -Be 'retry_safe'
        $err.Exception.Placed | Should -BeFalse
        $err.Exception.OutcomeUnknown | Should -BeFalse
        $err.Exception.ClientOrderId | Should -Be 'retry_safe'
        $err.Exception.Message | Should -Match 'not placed'
        $err.Exception.Message | Should -Match 'retry_safe'
        $err.Exception.InnerException.ErrorId | Should -Be $ErrorId
        $err.Exception.Message | Should -Match ([regex]::Escape($err.Exception.InnerException.Message))

        @(Get-SimRequestLog -Simulator $sim -Path $api.Order) | Should -HaveCount 1 -Because 'placing is never repeated'
        @(Get-SimRequestLog -Simulator $sim -Path $api.Query).Count | Should -BeGreaterThan 1 -Because 'it looks again once the receive window has passed'
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Should -BeNullOrEmpty
    }

    It 'when the look-up fails too, says the outcome is unknown and names the client order id to check' {
        $null = Add-SimFault -Simulator $sim -Path $api.Order -Kind drop -AfterProcessing
        $null = Add-SimFault -Simulator $sim -Path $api.Query -Kind status -Status 503 -Count 20
        $err = { New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -ClientOrderId 'check_me' } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -Be 'BingXOrderOutcomeUnknown,BingX.PowerShell.Commands.NewBingXOrderCommand'
        $err.TargetObject | Should -Be 'check_me'
        $err.Exception.Placed | Should -BeNullOrEmpty
        $err.Exception.OutcomeUnknown | Should -BeTrue
        $err.Exception.Message | Should -Match 'may or may not have been placed'
        $err.Exception.Message | Should -Match 'Get-BingXOrder -Symbol BTC-USDT -ClientOrderId check_me'
        @(Get-SimRequestLog -Simulator $sim -Path $api.Order) | Should -HaveCount 1
        Clear-SimFault $sim
        # The advice works: the order is there under that id.
        (Get-BingXOrder -Symbol BTC-USDT -ClientOrderId check_me).Status | Should -Be 'PENDING'
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Should -HaveCount 1
    }

    It 'does not take an earlier order that reused the client order id for this one' {
        $earlier = New-BingXOrder -Symbol BTC-USDT -Side SELL -Type LIMIT -Quantity 0.001 -Price 60000 -ClientOrderId 'reused_1'
        $null = Complete-SimOrder -Simulator $sim -OrderId $earlier.OrderId
        Clear-SimRequestLog $sim
        $null = Add-SimFault -Simulator $sim -Path $api.Order -Kind status -Status 503
        $err = { New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -ClientOrderId 'reused_1' } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXOrderOutcomeUnknown,*'
        $err.Exception.Message | Should -Match 'earlier one'
    }

    It 'a timeout after the exchange placed the order: recovered, one POST, one order' {
        $null = Add-SimFault -Simulator $sim -Path $api.Order -Kind delay -DelayMs 3000 -AfterProcessing
        $warnings = @()
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -TimeoutSec 1 -WarningVariable warnings -WarningAction SilentlyContinue
        $order.Status | Should -Be 'PENDING'
        ($warnings -join "`n") | Should -Match 'BingXTimeout'
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Should -HaveCount 1
    }

    It 'a timeout: waits past the receive window, then says not placed; one POST' {
        $null = Add-SimFault -Simulator $sim -Path $api.Order -Kind delay -DelayMs 3000
        $err = { New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -TimeoutSec 1 -RecvWindow 1000 } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXOrderNotPlaced,*'
        $err.Exception.InnerException.ErrorId | Should -Be 'BingXTimeout'
        Start-Sleep -Milliseconds 2500
        @(Get-SimRequestLog -Simulator $sim -Path $api.Order).Count | Should -BeLessOrEqual 1
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Should -BeNullOrEmpty
    }
}

Describe 'New-BingXOrder refuses bad input before sending anything' {
    BeforeAll { $account = New-ConnectedSimAccount $sim }
    BeforeEach { Clear-SimRequestLog $sim }
    AfterEach {
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty -Because 'nothing may reach the exchange'
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Should -BeNullOrEmpty
    }

    It '<Name>' -ForEach @(
        @{ Name = '-Symbol $null'; Splat = @{ Symbol = $null; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1 } }
        @{ Name = '-Symbol with a slash'; Splat = @{ Symbol = 'BTC/USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1 } }
        @{ Name = '-Symbol injection'; Splat = @{ Symbol = 'BTC-USDT&side=SELL'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1 } }
        @{ Name = '-Side Unknown'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'Unknown'; Type = 'LIMIT'; Quantity = 1; Price = 1 } }
        @{ Name = '-Side HOLD'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'HOLD'; Type = 'LIMIT'; Quantity = 1; Price = 1 } }
        @{ Name = '-Type Unknown'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'Unknown'; Quantity = 1; Price = 1 } }
        @{ Name = '-Type STOP'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'STOP'; Quantity = 1; Price = 1 } }
        @{ Name = '-Quantity 0'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 0; Price = 1 } }
        @{ Name = '-Quantity negative'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = -1; Price = 1 } }
        @{ Name = '-Quantity "0,5"'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = '0,5'; Price = 1 } }
        @{ Name = '-Quantity "1,000.5"'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = '1,000.5'; Price = 1 } }
        @{ Name = '-Quantity letters'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 'abc'; Price = 1 } }
        @{ Name = '-QuoteQuantity 0'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'MARKET'; QuoteQuantity = 0 } }
        @{ Name = '-QuoteQuantity negative'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'MARKET'; QuoteQuantity = -50 } }
        @{ Name = '-QuoteQuantity "5,5"'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'MARKET'; QuoteQuantity = '5,5' } }
        @{ Name = '-Price 0'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 0 } }
        @{ Name = '-Price negative'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = -30000 } }
        @{ Name = '-Price "30000,5"'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = '30000,5' } }
        @{ Name = '-StopPrice 0'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'SELL'; Type = 'TRIGGER_MARKET'; Quantity = 1; StopPrice = 0 } }
        @{ Name = '-StopPrice negative'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'SELL'; Type = 'TRIGGER_MARKET'; Quantity = 1; StopPrice = -1 } }
        @{ Name = '-TimeInForce GTD'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1; TimeInForce = 'GTD' } }
        @{ Name = '-ClientOrderId with a space'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1; ClientOrderId = 'a b' } }
        @{ Name = '-ClientOrderId with a hyphen'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1; ClientOrderId = 'a-b' } }
        @{ Name = '-ClientOrderId of 41 characters'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1; ClientOrderId = ('x' * 41) } }
        @{ Name = '-ClientOrderId empty'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1; ClientOrderId = '' } }
        @{ Name = '-ClientOrderId injection'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1; ClientOrderId = 'a&price=1' } }
        @{ Name = '-RecvWindow 0'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1; RecvWindow = 0 } }
        @{ Name = '-TimeoutSec 0'; Splat = @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Type = 'LIMIT'; Quantity = 1; Price = 1; TimeoutSec = 0 } }
    ) {
        $err = { New-BingXOrder @Splat } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^(ParameterArgument(Validation|Transformation)Error|CannotConvertArgumentNoMessage),'
    }

    It 'a combination the exchange refuses: <Name>' -ForEach @(
        @{ Name = 'LIMIT without -Price'; Splat = @{ Type = 'LIMIT'; Side = 'BUY'; Quantity = 1 }; Message = 'needs -Price' }
        @{ Name = 'TRIGGER_LIMIT without -Price'; Splat = @{ Type = 'TRIGGER_LIMIT'; Side = 'SELL'; Quantity = 1; StopPrice = 1 }; Message = 'needs -Price' }
        @{ Name = 'MARKET with -Price'; Splat = @{ Type = 'MARKET'; Side = 'BUY'; Quantity = 1; Price = 1 }; Message = 'takes no -Price' }
        @{ Name = 'TRIGGER_MARKET with -Price'; Splat = @{ Type = 'TRIGGER_MARKET'; Side = 'SELL'; Quantity = 1; Price = 1; StopPrice = 1 }; Message = 'takes no -Price' }
        @{ Name = 'TRIGGER_MARKET without -StopPrice'; Splat = @{ Type = 'TRIGGER_MARKET'; Side = 'SELL'; Quantity = 1 }; Message = 'needs -StopPrice' }
        @{ Name = 'TAKE_STOP_LIMIT without -StopPrice'; Splat = @{ Type = 'TAKE_STOP_LIMIT'; Side = 'SELL'; Quantity = 1; Price = 1 }; Message = 'needs -StopPrice' }
        @{ Name = 'LIMIT with -StopPrice'; Splat = @{ Type = 'LIMIT'; Side = 'BUY'; Quantity = 1; Price = 1; StopPrice = 1 }; Message = 'takes no -StopPrice' }
        @{ Name = 'MARKET BUY without an amount'; Splat = @{ Type = 'MARKET'; Side = 'BUY' }; Message = 'MARKET BUY order needs -QuoteQuantity' }
        @{ Name = 'LIMIT SELL without an amount'; Splat = @{ Type = 'LIMIT'; Side = 'SELL'; Price = 1 }; Message = 'needs -Quantity' }
        @{ Name = 'both -Quantity and -QuoteQuantity'; Splat = @{ Type = 'MARKET'; Side = 'BUY'; Quantity = 1; QuoteQuantity = 1 }; Message = 'not both' }
    ) {
        $err = { New-BingXOrder -Symbol BTC-USDT @Splat } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'BingXInvalidParameter,BingX.PowerShell.Commands.NewBingXOrderCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match ([regex]::Escape($Message))
        $err.Exception.Message | Should -Match 'Nothing was sent'
    }

    It 'a missing -Side, or -Type without -Price (-Price alone implies LIMIT; MARKET only when stated)' {
        { New-BingXOrder -Symbol BTC-USDT -Type LIMIT -Quantity 1 -Price 1 } | Should -Throw
        { New-BingXOrder -Symbol BTC-USDT -Side BUY -Quantity 1 } | Should -Throw -ErrorId 'BingXInvalidParameter,*'
    }

    It 'both -Credential and -Vault' {
        $err = { New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 1 -Price 1 -Credential $account.Credential -Vault x } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXConflictingCredentialParameters,*'
    }
}
