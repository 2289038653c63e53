# Stop-BingXOrder end to end: ids gathered per symbol, one id as trade/cancel, several as trade/cancelOrders batches,
# per-id failures as their own errors. Real HTTP to the simulator; assertions on what it received.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
    $batchSize = [BingX.PowerShell.Commands.StopBingXOrderCommand].GetField('BatchSize', [Reflection.BindingFlags] 'Static,NonPublic').GetValue($null)
    # These tests are about what is sent; the prompt (ConfirmImpact High) has its own tests in Safety.Confirmation.Tests.ps1.
    $PSDefaultParameterValues['Stop-BingXOrder:Force'] = $true

    function Get-SimOrderStatus($account) {
        # orderId -> status, as the exchange holds them.
        $status = @{}
        foreach ($order in (Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).orders) { $status[[long] $order.orderId] = $order.status }
        return $status
    }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Stop-BingXOrder by order id (culture <_>)' -ForEach 'en-US', 'de-DE' {
    BeforeAll { $previousCulture = Set-CurrentCulture $_ }
    AfterAll { $null = Set-CurrentCulture $previousCulture }
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $buys = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000.5' -Quantity '0.001' -Count 3)
        $sells = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side SELL -Price '50000' -Quantity '0.002' -Count 2)
        $buyIds = @($buys.orderId | ForEach-Object { [long] $_ })
        $sellIds = @($sells.orderId | ForEach-Object { [long] $_ })
        Clear-SimRequestLog $sim
    }

    It 'runs under <_>' {
        [cultureinfo]::CurrentCulture.Name | Should -Be $_
        (1.5).ToString() | Should -Be $(if ($_ -eq 'de-DE') { '1,5' } else { '1.5' })
    }

    It 'cancels one id with trade/cancel and writes the cancelled order (no -PassThru needed)' {
        $output = @(Stop-BingXOrder -Symbol BTC-USDT -OrderId $buyIds[0])

        $output | Should -HaveCount 1
        $output[0].OrderId | Should -Be $buyIds[0]
        $log = @(Get-SimRequestLog -Simulator $sim)
        $log | Should -HaveCount 1
        $log[0].path | Should -Be $api.Cancel
        $log[0].method | Should -Be 'POST'
        $query = ConvertFrom-SimQuery $log[0].query
        $query.orderId | Should -Be ([string] $buyIds[0])
        $query.symbol | Should -Be 'BTC-USDT'
        $query.Contains('clientOrderID') | Should -BeFalse
        (Get-SimOrderStatus $account)[$buyIds[0]] | Should -Be 'CANCELED'
        (Get-SimOrderStatus $account)[$buyIds[1]] | Should -Be 'PENDING'
    }

    It 'with -PassThru writes the cancelled orders as typed objects' {
        $cancelled = @(Stop-BingXOrder -Symbol BTC-USDT -OrderId $buyIds -PassThru)

        $cancelled | Should -HaveCount 3
        $cancelled | ForEach-Object { $_ | Should -BeOfType ([BingX.PowerShell.BingXOrder]) }
        $cancelled.Status | Sort-Object -Unique | Should -Be 'CANCELED'
        @($cancelled.OrderId | Sort-Object) | Should -Be @($buyIds | Sort-Object)
        $cancelled[0].Price | Should -Be ([decimal] '30000.5')
    }

    It 'sends several ids of one symbol as one trade/cancelOrders request with process=1' {
        Stop-BingXOrder -Symbol BTC-USDT -OrderId $buyIds

        $log = @(Get-SimRequestLog -Simulator $sim)
        $log | Should -HaveCount 1
        $log[0].path | Should -Be $api.CancelMany
        $signed, $signature = $log[0].query -split '&signature='
        $signature | Should -Be (Get-SimSignature -SecretKey $account.SecretKey -Text $signed)
        $query = ConvertFrom-SimQuery $signed
        $query.orderIds | Should -Be ($buyIds -join ',')
        $query.process | Should -Be '1'
        $query.symbol | Should -Be 'BTC-USDT'
        @($query.Keys) | Should -Be @($query.Keys | Sort-Object -CaseSensitive)
        $status = Get-SimOrderStatus $account
        $buyIds | ForEach-Object { $status[$_] | Should -Be 'CANCELED' }
        $sellIds | ForEach-Object { $status[$_] | Should -Be 'PENDING' }
    }

    It 'reads like a sentence: Get-BingXOpenOrder -Symbol BTC-USDT | Where-Object Side -eq BUY | Stop-BingXOrder' {
        Get-BingXOpenOrder -Symbol BTC-USDT | Where-Object Side -EQ BUY | Stop-BingXOrder

        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelMany) | Should -HaveCount 1
        @(Get-SimRequestLog -Simulator $sim -Path $api.Cancel) | Should -HaveCount 0
        $left = @(Get-BingXOpenOrder -Symbol BTC-USDT)
        @($left.OrderId | Sort-Object) | Should -Be @($sellIds | Sort-Object)
        $left.Side | Sort-Object -Unique | Should -Be 'SELL'
    }

    It 'sends each id once, however often it is given or piped' {
        $piped = Get-BingXOpenOrder -Symbol BTC-USDT | Where-Object OrderId -EQ $buyIds[0]
        @($piped, $piped) | Stop-BingXOrder
        Stop-BingXOrder -Symbol BTC-USDT -OrderId $buyIds[1], $buyIds[1], $buyIds[2]

        $requests = @(Get-SimRequestLog -Simulator $sim | Where-Object method -EQ 'POST')
        $requests | Should -HaveCount 2
        $requests[0].path | Should -Be $api.Cancel
        (ConvertFrom-SimQuery $requests[1].query).orderIds | Should -Be "$($buyIds[1]),$($buyIds[2])"
    }

    It 'gathers piped orders per symbol: one request per symbol' {
        $eth = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Price '2500' -Quantity '0.5' -Count 2)
        Clear-SimRequestLog $sim

        $cancelled = @(Get-BingXOpenOrder | Stop-BingXOrder -PassThru)

        $cancelled | Should -HaveCount 7
        $requests = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelMany)
        $requests | Should -HaveCount 2
        @($requests | ForEach-Object { (ConvertFrom-SimQuery $_.query).symbol } | Sort-Object) | Should -Be @('BTC-USDT', 'ETH-USDT')
        Get-BingXOpenOrder | Should -BeNullOrEmpty
    }

    It 'binds -Symbol and -OrderId by position' {
        Stop-BingXOrder BTC-USDT $buyIds[0], $buyIds[1]
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.CancelMany)[0].query).orderIds | Should -Be "$($buyIds[0]),$($buyIds[1])"
    }

    It 'takes ids as digit strings, exactly (no rounding through a double)' {
        Stop-BingXOrder -Symbol BTC-USDT -OrderId ([string] $buyIds[0]), ([string] $buyIds[1])
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.CancelMany)[0].query).orderIds | Should -Be "$($buyIds[0]),$($buyIds[1])"
    }

    It 'with -WhatIf sends nothing and leaves every order open' {
        $output = Get-BingXOpenOrder -Symbol BTC-USDT | Stop-BingXOrder -WhatIf -PassThru
        Stop-BingXOrder -Symbol BTC-USDT -OrderId $buyIds[0] -WhatIf

        $output | Should -BeNullOrEmpty
        Get-SimRequestLog -Simulator $sim | Where-Object method -EQ 'POST' | Should -BeNullOrEmpty
        (Get-BingXOpenOrder -Symbol BTC-USDT) | Should -HaveCount 5
    }

    It 'with $WhatIfPreference set (and -Force) reads the orders to describe them and sends no cancel' {
        $WhatIfPreference = $true
        Stop-BingXOrder -Symbol BTC-USDT -OrderId $buyIds
        $WhatIfPreference = $false
        Get-SimRequestLog -Simulator $sim | Where-Object method -NE 'GET' | Should -BeNullOrEmpty
        (Get-SimOrderStatus $account)[$buyIds[0]] | Should -Not -Be 'CANCELED'
    }
}

Describe 'Stop-BingXOrder acceptance: 250 piped orders on one symbol' {
    It 'sends ceil(250/batch) cancelOrders requests, not 250, and all 250 end CANCELED' {
        $account = New-ConnectedSimAccount $sim
        $seeded = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '20000' -Quantity '0.001' -Count 250)
        Clear-SimRequestLog $sim

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $cancelled = @(Get-BingXOpenOrder -Symbol BTC-USDT | Stop-BingXOrder -PassThru)
        $watch.Stop()

        $expected = [math]::Ceiling(250 / $batchSize)
        $requests = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelMany)
        Write-Host "250 orders, batch size $batchSize -> $($requests.Count) cancelOrders requests in $($watch.ElapsedMilliseconds) ms"
        $requests | Should -HaveCount $expected
        $requests.Count | Should -BeLessThan 250
        @(Get-SimRequestLog -Simulator $sim -Path $api.Cancel) | Should -HaveCount 0
        $requests | ForEach-Object { $_.code | Should -Be 0 }
        $sent = @($requests | ForEach-Object { (ConvertFrom-SimQuery $_.query).orderIds -split ',' })
        $sent | Should -HaveCount 250
        @($sent | Sort-Object -Unique) | Should -HaveCount 250
        $requests | ForEach-Object { ((ConvertFrom-SimQuery $_.query).orderIds -split ',').Count | Should -BeLessOrEqual $batchSize }

        $cancelled | Should -HaveCount 250
        $status = Get-SimOrderStatus $account
        $seeded | ForEach-Object { $status[[long] $_.orderId] | Should -Be 'CANCELED' }
    }
}

Describe 'Stop-BingXOrder acceptance: a piped mix of valid and already-cancelled ids' {
    It 'cancels the valid ones and writes one error per bad id, naming the id' {
        $account = New-ConnectedSimAccount $sim
        $orders = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '25000' -Quantity '0.001' -Count 6)
        $snapshot = @(Get-BingXOpenOrder -Symbol BTC-USDT)
        $gone = @($snapshot[1], $snapshot[4])
        $gone | Stop-BingXOrder
        $filled = $snapshot[2]
        $null = Complete-SimOrder -Simulator $sim -OrderId $filled.OrderId
        $bad = @($gone.OrderId) + $filled.OrderId
        $valid = @($snapshot | Where-Object OrderId -NotIn $bad)
        Clear-SimRequestLog $sim

        $errors = @()
        $cancelled = @($snapshot | Stop-BingXOrder -PassThru -ErrorVariable errors -ErrorAction SilentlyContinue)

        @($cancelled.OrderId | Sort-Object) | Should -Be @($valid.OrderId | Sort-Object)
        $errors | Should -HaveCount 3
        foreach ($err in $errors) {
            $err.FullyQualifiedErrorId | Should -Be 'BingXOrderNotCancelled,BingX.PowerShell.Commands.StopBingXOrderCommand'
            $err.TargetObject | Should -BeOfType ([long])
            $err.TargetObject | Should -BeIn $bad
            $err.Exception.Message | Should -Match ([string] $err.TargetObject)
            $err.Exception.Message | Should -Match 'FILLED or CANCELLED already'
            $err.Exception.OrderId | Should -Be $err.TargetObject
            $err.Exception.Symbol | Should -Be 'BTC-USDT'
        }
        @($errors.TargetObject | Sort-Object) | Should -Be @($bad | Sort-Object)
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelMany) | Should -HaveCount 1
        $status = Get-SimOrderStatus $account
        $valid | ForEach-Object { $status[$_.OrderId] | Should -Be 'CANCELED' }
        $status[$filled.OrderId] | Should -Be 'FILLED'
    }

    It 'reports an unknown id as not found' {
        $account = New-ConnectedSimAccount $sim
        $order = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '25000' -Quantity '0.001'
        $errors = @()
        Stop-BingXOrder -Symbol BTC-USDT -OrderId ([long] $order.orderId), 1234567890123456789 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 1
        $errors[0].TargetObject | Should -Be 1234567890123456789
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].Exception.Message | Should -Match '1234567890123456789'
        (Get-SimOrderStatus $account)[[long] $order.orderId] | Should -Be 'CANCELED'
    }

    It 'a single id that cannot be cancelled is a non-terminating error naming it' {
        $account = New-ConnectedSimAccount $sim
        $errors = @()
        Stop-BingXOrder -Symbol BTC-USDT -OrderId 1234567890123456789 -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'BingXOrderNotCancelled,*'
        $errors[0].TargetObject | Should -Be 1234567890123456789
        # The live wording for an unknown id on trade/cancel is 100421 "cancel fail, order not exist" (docs-v3).
        $errors[0].Exception.InnerException.Code | Should -Be 100421
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Stop-BingXOrder by client order id' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Price '2500' -Quantity '0.5' -Count 3 -ClientOrderId 'runbook'
        Clear-SimRequestLog $sim
    }

    It 'sends several client ids as clientOrderIDs with process=1, and names a bad one by its client id' {
        $errors = @()
        $cancelled = @(Stop-BingXOrder -Symbol ETH-USDT -ClientOrderId runbook_1, runbook_2, nosuch_9 -PassThru -ErrorVariable errors -ErrorAction SilentlyContinue)

        $cancelled.ClientOrderId | Sort-Object | Should -Be @('runbook_1', 'runbook_2')
        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests | Should -HaveCount 1
        $requests[0].path | Should -Be $api.CancelMany
        $query = ConvertFrom-SimQuery $requests[0].query
        $query.clientOrderIDs | Should -Be 'runbook_1,runbook_2,nosuch_9'
        $query.process | Should -Be '1'
        $query.Contains('orderIds') | Should -BeFalse
        $errors | Should -HaveCount 1
        $errors[0].TargetObject | Should -Be 'nosuch_9'
        $errors[0].Exception.ClientOrderId | Should -Be 'nosuch_9'
        $errors[0].Exception.Message | Should -Match 'nosuch_9'
    }

    It 'sends one client id as trade/cancel with clientOrderID' {
        Stop-BingXOrder -Symbol ETH-USDT -ClientOrderId runbook_3
        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests | Should -HaveCount 1
        $requests[0].path | Should -Be $api.Cancel
        (ConvertFrom-SimQuery $requests[0].query).clientOrderID | Should -Be 'runbook_3'
    }

    It 'cancels piped orders that carry both ids by their order id' {
        Get-BingXOpenOrder -Symbol ETH-USDT | Stop-BingXOrder
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.CancelMany)[0].query
        ($query.orderIds -split ',') | Should -HaveCount 3
        $query.Contains('clientOrderIDs') | Should -BeFalse
    }

    It 'cancels piped objects that carry only a client order id by it' {
        'runbook_1', 'runbook_2' | ForEach-Object { [pscustomobject] @{ Symbol = 'ETH-USDT'; ClientOrderId = $_ } } | Stop-BingXOrder
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.CancelMany)[0].query).clientOrderIDs | Should -Be 'runbook_1,runbook_2'
    }

    It 'with -OrderId and -ClientOrderId together cancels both kinds' {
        $open = @(Get-BingXOpenOrder -Symbol ETH-USDT)
        $byId = $open | Where-Object ClientOrderId -EQ 'runbook_1'
        $cancelled = @(Stop-BingXOrder -Symbol ETH-USDT -OrderId $byId.OrderId -ClientOrderId runbook_2 -PassThru)
        $cancelled | Should -HaveCount 2
        @(Get-SimRequestLog -Simulator $sim -Path $api.Cancel) | Should -HaveCount 2
        (Get-BingXOpenOrder -Symbol ETH-USDT).ClientOrderId | Should -Be 'runbook_3'
    }
}

Describe 'Stop-BingXOrder when a whole request fails' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $ids = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 3 | ForEach-Object { [long] $_.orderId })
        Clear-SimFault $sim
        Clear-SimRequestLog $sim
    }
    AfterEach { Clear-SimFault $sim }

    It 'a business rejection of the batch becomes one error per id, and the next symbol still goes' {
        $eth = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Price '2500' -Quantity '0.5' -Count 2)
        $null = Add-SimFault -Simulator $sim -Kind business -Path $api.CancelMany -Code 100400 -Msg 'Invalid parameters' -Count 1
        $errors = @()
        $cancelled = @(Get-BingXOpenOrder | Sort-Object Symbol | Stop-BingXOrder -PassThru -ErrorVariable errors -ErrorAction SilentlyContinue)

        $errors | Should -HaveCount 3
        @($errors.TargetObject | Sort-Object) | Should -Be @($ids | Sort-Object)
        $errors | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'BingXOrderNotCancelled,*'
            $_.Exception.Message | Should -Match 'Invalid parameters'
            $_.Exception.InnerException.Code | Should -Be 100400
        }
        $cancelled.Symbol | Sort-Object -Unique | Should -Be 'ETH-USDT'
    }

    It 'an account-level error (<ErrorId>) ends the command' -ForEach @(
        @{ Code = 100413; ErrorId = 'BingXAuthenticationFailed' }
        @{ Code = 100004; ErrorId = 'BingXPermissionDenied' }
        @{ Code = 100419; ErrorId = 'BingXIpNotWhitelisted' }
    ) {
        $null = Add-SimFault -Simulator $sim -Kind business -Path $api.CancelMany -Code $Code -Count 1
        $err = { Stop-BingXOrder -Symbol BTC-USDT -OrderId $ids } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        (Get-BingXOpenOrder -Symbol BTC-USDT) | Should -HaveCount 3
    }

    It 'a lost answer to a batch is retried (a cancel cannot do harm twice) and the orders end cancelled' {
        $null = Add-SimFault -Simulator $sim -Kind drop -AfterProcessing -Path $api.CancelMany -Count 1
        $warnings = @()
        $cancelled = Stop-BingXOrder -Symbol BTC-USDT -OrderId $ids -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelMany) | Should -HaveCount 2
        Get-BingXOpenOrder -Symbol BTC-USDT | Should -BeNullOrEmpty
        # The retry finds them cancelled already; each is looked up, found CANCELED, and written as this command's.
        @($cancelled.OrderId | Sort-Object) | Should -Be @($ids | Sort-Object)
        $errs | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty

    }
}

Describe 'Stop-BingXOrder under de-DE' {
    It 'cancels a batch and writes exact decimals' {
        $account = New-ConnectedSimAccount $sim
        $ids = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000.5' -Quantity '0.00123' -Count 2 | ForEach-Object { [long] $_.orderId })
        Clear-SimRequestLog $sim
        $cancelled = Invoke-InCulture de-DE { @(Stop-BingXOrder -Symbol BTC-USDT -OrderId ([string] $ids[0]), $ids[1] -PassThru) }
        $cancelled | Should -HaveCount 2
        $cancelled[0].Price | Should -Be ([decimal] '30000.5')
        $cancelled[0].OrigQty | Should -Be ([decimal] '0.00123')
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.CancelMany)[0].query).orderIds | Should -Be ($ids -join ',')
    }
}

Describe 'Stop-BingXOrder -WhatIf and -Confirm text' {
    It 'names the symbol and each order (side, type, quantity, price), as Stop-BingXOpenOrder does' {
        $account = New-SimAccount -Simulator $sim
        $ids = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol SOL-USDT -Side BUY -Price '20' -Quantity '1' -Count 25 | ForEach-Object { [long] $_.orderId })
        Clear-SimRequestLog $sim
        # What-if text goes to the host: read it from a child pwsh's stdout.
        $output = (Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "Stop-BingXOrder -Symbol SOL-USDT -OrderId $($ids -join ',') -WhatIf; Stop-BingXOrder -Symbol SOL-USDT -OrderId $($ids[0]) -WhatIf").StdOut
        # Like Stop-BingXOpenOrder -WhatIf: every order with its side, type, quantity and price.
        $output | Should -Match 'What if: Cancel 25 orders on SOL-USDT:'
        foreach ($id in $ids) { $output | Should -Match "$id SOL-USDT BUY LIMIT 1 @ 20" }
        $output | Should -Match 'What if: Cancel 1 order on SOL-USDT:'
        Get-SimRequestLog -Simulator $sim | Where-Object path -Like '*cancel*' | Should -BeNullOrEmpty
    }

    It 'has ConfirmImpact High (like Stop-BingXOpenOrder) and supports ShouldProcess' {
        $attribute = [BingX.PowerShell.Commands.StopBingXOrderCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
    }
}

Describe 'Stop-BingXOrder refuses bad input before sending anything' {
    BeforeAll {
        $account = New-ConnectedSimAccount $sim
        $order = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -ClientOrderId 'keep_me'
        $orderId = [long] $order.orderId
    }
    BeforeEach { Clear-SimRequestLog $sim }
    AfterEach {
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty -Because 'nothing may reach the exchange'
        (Get-SimOrderStatus $account)[$orderId] | Should -Be 'PENDING'
    }

    It 'without -OrderId or -ClientOrderId, saying what to give' {
        $err = { Stop-BingXOrder -Symbol BTC-USDT } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXInvalidParameter,*'
        $err.Exception.Message | Should -Match '-OrderId'
        $err.Exception.Message | Should -Match '-ClientOrderId'
        $err.Exception.Message | Should -Match 'Stop-BingXOpenOrder'
    }

    It 'with -Symbol <Name>' -ForEach @(
        @{ Value = $null; Name = '$null' }
        @{ Value = ''; Name = 'empty' }
        @{ Value = 'BTC/USDT'; Name = 'a slash' }
        @{ Value = 'BTCUSDT'; Name = 'no hyphen' }
        @{ Value = 'BTC-USDT&symbol=ETH-USDT'; Name = 'an injection attempt' }
        @{ Value = 'ΒΤC-USDT'; Name = 'Greek letters' }
        @{ Value = @('BTC-USDT', 'ETH-USDT'); Name = 'two symbols' }
    ) {
        { Stop-BingXOrder -Symbol $Value -OrderId $orderId } | Should -Throw
    }

    It 'with -OrderId <Name>' -ForEach @(
        @{ Value = 0; Name = '0'; ErrorId = 'ParameterArgumentValidationError' }
        @{ Value = -5; Name = 'negative'; ErrorId = 'ParameterArgumentValidationError' }
        @{ Value = 'abc'; Name = 'letters'; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Value = '1.5'; Name = 'a fraction as text'; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Value = 1.5; Name = 'a fraction'; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Value = [double] 1735964997957275651; Name = 'a double (cannot hold an id exactly)'; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Value = '99999999999999999999'; Name = 'beyond Int64'; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Value = '1,2'; Name = 'a comma-joined list'; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Value = $null; Name = '$null'; ErrorId = 'ParameterArgumentValidationError' }
        @{ Value = @(); Name = 'an empty array'; ErrorId = 'ParameterArgumentValidationError' }
    ) {
        $err = { Stop-BingXOrder -Symbol BTC-USDT -OrderId $Value } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
    }

    It 'with -ClientOrderId <Name>' -ForEach @(
        @{ Value = 'a b'; Name = 'a space' }
        @{ Value = 'a,b'; Name = 'a comma (would split the list)' }
        @{ Value = 'a-b'; Name = 'a hyphen' }
        @{ Value = 'keep_me&orderIds=1'; Name = 'an injection attempt' }
        @{ Value = ('x' * 41); Name = '41 characters' }
        @{ Value = 'é'; Name = 'a non-ASCII letter' }
        @{ Value = ''; Name = 'empty' }
        @{ Value = $null; Name = '$null' }
        @{ Value = @(); Name = 'an empty array' }
        @{ Value = @('keep_me', ''); Name = 'an array holding an empty id' }
    ) {
        $err = { Stop-BingXOrder -Symbol BTC-USDT -ClientOrderId $Value } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^(ParameterArgumentValidationError|BingXInvalidParameter),'
    }

    It 'with -RecvWindow <_>' -ForEach 0, 60001 {
        { Stop-BingXOrder -Symbol BTC-USDT -OrderId $orderId -RecvWindow $_ } | Should -Throw
    }

    It 'with -TimeoutSec <_>' -ForEach 0, 601 {
        { Stop-BingXOrder -Symbol BTC-USDT -OrderId $orderId -TimeoutSec $_ } | Should -Throw
    }

    It 'with both -Credential and -Vault' {
        $err = { Stop-BingXOrder -Symbol BTC-USDT -OrderId $orderId -Credential $account.Credential -Vault x } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXConflictingCredentialParameters,*'
    }

    It 'for a piped input that names no order, as a non-terminating error for that input' {
        $errors = @()
        [pscustomobject] @{ Symbol = 'BTC-USDT'; Note = 'no ids' } | Stop-BingXOrder -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'BingXInvalidParameter,*'
    }

    It 'for a piped input with a bad client order id, and nothing for an empty pipeline' {
        $errors = @()
        [pscustomobject] @{ Symbol = 'BTC-USDT'; ClientOrderId = 'a b' } | Stop-BingXOrder -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 1
        @() | Stop-BingXOrder | Should -BeNullOrEmpty
    }
}
