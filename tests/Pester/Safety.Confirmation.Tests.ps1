# Never more than the user asked: Stop-BingXOrder asks like Stop-BingXOpenOrder, piped orders never widen into
# cancel-all, the confirmation says what happened when the exchange moved under it, and a prompt that cannot be shown
# (or -Debug) never stops a change half way. Real HTTP to the simulator; its request log proves what was sent.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers ChildProcess, AnsweringHost
    $cancelPaths = $api.Cancel, $api.CancelMany, $api.CancelAll

    function Get-CancelRequest { @(Get-SimRequestLog -Simulator $sim | Where-Object path -In $cancelPaths) }

}

AfterAll {
    Stop-ModuleTest
}

Describe 'Stop-BingXOrder asks before it cancels (ConfirmImpact High, -Force)' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -ClientOrderId 'buy' -Count 2
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side SELL -Price '50000' -Quantity '0.002' -ClientOrderId 'sell'
        Clear-SimRequestLog $sim
    }

    It 'non-interactive pwsh, default $ConfirmPreference: BingXConfirmationRequired naming -Force, nothing cancelled' {
        $result = Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "try { Get-BingXOpenOrder -Symbol BTC-USDT | Stop-BingXOrder -ErrorAction Stop; 'no error' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"

        $result.StdOut | Should -Match 'BingXConfirmationRequired,BingX.PowerShell.Commands.StopBingXOrderCommand'
        $result.StdOut | Should -Match '-Force \(or -Confirm:\$false\)'
        $result.StdOut | Should -Not -Match 'no error'
        Get-CancelRequest | Should -BeNullOrEmpty
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Open | Should -HaveCount 3
    }

    It 'non-interactive pwsh with -Force: all cancelled, the cancelled orders written' {
        $result = Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "Get-BingXOpenOrder -Symbol BTC-USDT | Stop-BingXOrder -Force | ForEach-Object { 'cancelled ' + `$_.OrderId }"

        $result.ExitCode | Should -Be 0
        @($result.StdOut -split "`n" | Where-Object { $_ -match '^cancelled \d+' }) | Should -HaveCount 3
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Open | Should -BeNullOrEmpty
        @(Get-CancelRequest) | Should -HaveCount 1 -Because 'three ids on one symbol go as one batch'
    }

    It 'the prompt lists each order: side, type, quantity, price, client id; answering No sends nothing' {
        $answered = Invoke-WithAnsweringHost -Choice 2 -Script 'Get-BingXOpenOrder -Symbol BTC-USDT | Stop-BingXOrder'

        $answered.Prompts | Should -HaveCount 1 -Because 'one confirmation per symbol, before any request'
        $answered.Prompts[0] | Should -Match 'Cancel 3 orders on BTC-USDT\?'
        $answered.Prompts[0] | Should -Match 'BTC-USDT BUY LIMIT 0\.001 @ 30000 \(buy_1\)'
        $answered.Prompts[0] | Should -Match 'BTC-USDT BUY LIMIT 0\.001 @ 30000 \(buy_2\)'
        $answered.Prompts[0] | Should -Match 'BTC-USDT SELL LIMIT 0\.002 @ 50000 \(sell\)'
        $answered.Output | Should -BeNullOrEmpty
        Get-CancelRequest | Should -BeNullOrEmpty
    }

    It 'two symbols: both confirmed before the first cancel is sent, then both cancelled' {
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side BUY -Price '2000' -Quantity '0.1'
        Clear-SimRequestLog $sim
        # At each prompt the host reads the simulator's request log: no cancel may have gone out yet.
        $answered = Invoke-WithAnsweringHost -Choice 0 -Script 'Get-BingXOpenOrder | Stop-BingXOrder' -SnapshotUrl ([uri]::new($sim.BaseUri, '/_sim/requests'))

        $answered.Prompts | Should -HaveCount 2
        $answered.Prompts[0] | Should -Match 'on BTC-USDT\?'
        $answered.Prompts[1] | Should -Match 'on ETH-USDT\?'
        $answered.Snapshots | Should -HaveCount 2
        foreach ($snapshot in $answered.Snapshots) { $snapshot | Should -Match 'openOrders'; $snapshot | Should -Not -Match 'trade/cancel' }
        $answered.Output | Should -HaveCount 4
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Open | Should -BeNullOrEmpty
    }

    It '-Force -WhatIf still only shows what would be cancelled' {
        Get-BingXOpenOrder -Symbol BTC-USDT | Stop-BingXOrder -Force -WhatIf | Should -BeNullOrEmpty
        Get-CancelRequest | Should -BeNullOrEmpty
    }
}

Describe 'Stop-BingXOpenOrder refuses piped orders: a filter must not widen into cancel-all' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2
        $sell = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side SELL -Price '50000' -Quantity '0.002'
        Clear-SimRequestLog $sim
    }

    It 'Get-BingXOpenOrder | Where-Object Side -EQ Buy | Stop-BingXOpenOrder -Force: BingXPipedOrderRefused naming Stop-BingXOrder, the SELL stays open, no cancel sent' {
        $err = { Get-BingXOpenOrder -Symbol BTC-USDT | Where-Object Side -EQ Buy | Stop-BingXOpenOrder -Force } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -Be 'BingXPipedOrderRefused,BingX.PowerShell.Commands.StopBingXOpenOrderCommand'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -Match 'Stop-BingXOrder'
        $err.Exception.Message | Should -Match 'Nothing was sent'
        Get-CancelRequest | Should -BeNullOrEmpty
        @(Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Open | Where-Object side -EQ 'SELL').orderId | Should -Be $sell.orderId
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Open | Should -HaveCount 3
    }

    It 'the advice works: the same filter piped into Stop-BingXOrder cancels only the BUY orders' {
        $cancelled = @(Get-BingXOpenOrder -Symbol BTC-USDT | Where-Object Side -EQ Buy | Stop-BingXOrder -Force)
        $cancelled | Should -HaveCount 2
        @(Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Open).orderId | Should -Be $sell.orderId
    }

    It 'symbol strings and objects with only a Symbol still work' {
        @('BTC-USDT' | Stop-BingXOpenOrder -Force) | Should -HaveCount 3
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side BUY -Price '2000' -Quantity '0.1'
        @([pscustomobject] @{ Symbol = 'ETH-USDT' } | Stop-BingXOpenOrder -Force) | Should -HaveCount 1
    }
}

Describe 'Stop-BingXOpenOrder: the confirmation and what the exchange did' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $listed = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2)
        Clear-SimRequestLog $sim
    }

    It 'an order opened while the prompt waits is cancelled too, and a warning names it' {
        $late = @{ symbol = 'BTC-USDT'; side = 'SELL'; type = 'LIMIT'; quantity = '0.003'; price = '51000'; clientOrderId = 'late_1'; count = 1 } | ConvertTo-Json -Compress
        $answered = Invoke-WithAnsweringHost -Choice 0 -Script 'Stop-BingXOpenOrder -Symbol BTC-USDT' `
            -DuringPromptUrl ([uri]::new($sim.BaseUri, "/_sim/accounts/$($account.ApiKey)/orders")) -DuringPromptBody $late

        $answered.Prompts | Should -HaveCount 1
        $answered.Prompts[0] | Should -Match '\(2 open orders\)'
        $answered.Output | Should -HaveCount 3
        $lateOrder = @($answered.Output | Where-Object OrderId -NotIn $listed.orderId)
        $lateOrder | Should -HaveCount 1
        $answered.Warnings | Should -HaveCount 1
        $answered.Warnings[0] | Should -Match 'different set of orders than the confirmation listed \(2 listed, 3 cancelled\)'
        # cancelOpenOrders answers carry no client order id (live capture, tests/data/real-answers), so the late order is named by id.
        $answered.Warnings[0] | Should -Match "Also cancelled.*$($lateOrder.OrderId) BTC-USDT SELL LIMIT 0\.003 @ 51000"
        $answered.Warnings[0] | Should -Not -Match 'Listed but not'
    }

    It 'the cancel-all''s answer is lost after the prompt: the retry reports nothing, the listed orders are looked up and written as cancelled, no warning' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind hangup -AfterProcessing
        $answered = Invoke-WithAnsweringHost -Choice 0 -Script 'Stop-BingXOpenOrder -Symbol BTC-USDT'

        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 2 -Because 'the module resends a cancel whose answer was lost, once'
        @(Get-SimRequestLog -Simulator $sim -Path $api.Query) | Should -HaveCount 2 -Because 'each listed order the retry did not report is looked up'
        @($answered.Output.OrderId | Sort-Object) | Should -Be @($listed.orderId | ForEach-Object { [long] $_ } | Sort-Object)
        @($answered.Output.Status | Select-Object -Unique) | Should -Be 'CANCELED'
        $answered.Warnings | Should -BeNullOrEmpty -Because 'the output is what this command cancelled'
    }

    It 'an order filled while the prompt waits: the warning names it as listed but not cancelled' {
        $answered = Invoke-WithAnsweringHost -Choice 0 -Script 'Stop-BingXOpenOrder -Symbol BTC-USDT' `
            -DuringPromptUrl ([uri]::new($sim.BaseUri, "/_sim/orders/$($listed[0].orderId)/fill")) -DuringPromptBody '{}'

        $answered.Output | Should -HaveCount 1
        $answered.Warnings | Should -HaveCount 1
        $answered.Warnings[0] | Should -Match "Listed but not reported cancelled.*$($listed[0].orderId) BTC-USDT BUY"
    }

    It 'the same set: no warning' {
        $answered = Invoke-WithAnsweringHost -Choice 0 -Script 'Stop-BingXOpenOrder -Symbol BTC-USDT'
        $answered.Output | Should -HaveCount 2
        $answered.Warnings | Should -BeNullOrEmpty
    }

    It '0 open orders: no prompt, nothing sent, a verbose line says so' {
        $answered = Invoke-WithAnsweringHost -Choice 0 -Script 'Stop-BingXOpenOrder -Symbol ADA-USDT -Verbose'

        $answered.Prompts | Should -BeNullOrEmpty
        $answered.Output | Should -BeNullOrEmpty
        ($answered.Verbose -join "`n") | Should -Match 'ADA-USDT: no open orders, so nothing to confirm and nothing was sent'
        Get-CancelRequest | Should -BeNullOrEmpty
    }

    It 'non-interactive pwsh without -Force: BingXConfirmationRequired before any cancel' {
        $result = Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "try { Stop-BingXOpenOrder -Symbol BTC-USDT -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }"
        $result.StdOut | Should -Match 'BingXConfirmationRequired,BingX.PowerShell.Commands.StopBingXOpenOrderCommand'
        Get-CancelRequest | Should -BeNullOrEmpty
        Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Open | Should -HaveCount 2
    }
}

Describe '-Debug never stops a change half way (pwsh -NonInteractive)' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2
        Clear-SimRequestLog $sim
    }

    It '<Name> -Debug completes with its output (no "Continue with this operation?" prompt)' -ForEach @(
        @{ Name = 'Stop-BingXOpenOrder -Force'; Command = 'Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Debug'; Count = 2 }
        @{ Name = 'Stop-BingXOrder -Force'; Command = 'Get-BingXOpenOrder -Symbol BTC-USDT | Stop-BingXOrder -Force -Debug'; Count = 2 }
        @{ Name = 'New-BingXOrder'; Command = 'New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 29000 -Debug'; Count = 1 }
    ) {
        $result = Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "try { `$out = @($Command 5>`$null); 'written ' + `$out.Count; `$out | ForEach-Object { 'id ' + `$_.OrderId } } catch { 'failed ' + `$_.FullyQualifiedErrorId }"

        $result.StdOut | Should -Not -Match 'failed'
        $result.StdOut | Should -Match "written $Count"
        $result.ExitCode | Should -Be 0
    }

    It 'New-BingXOrder -Debug whose answer is lost: the warning does not prompt either; the order found is written, once' {
        # -Debug makes the warning preference Inquire as well; the lost-answer warning comes after the exchange placed the order.
        $null = Add-SimFault -Simulator $sim -Kind status -Status 500 -AfterProcessing -Path $api.Order
        $result = Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "try { `$out = @(New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 29000 -ClientOrderId lost_dbg -Debug 5>&1 | Where-Object { `$_ -isnot [System.Management.Automation.DebugRecord] -or `$_.Message -match 'was lost' } | ForEach-Object { if (`$_ -is [System.Management.Automation.DebugRecord]) { 'debug ' + `$_.Message } else { 'id ' + `$_.OrderId } }); `$out } catch { 'failed ' + `$_.FullyQualifiedErrorId }"

        $result.StdOut | Should -Not -Match 'failed' -Because $result.StdOut
        $result.StdOut | Should -Match 'debug WARNING: The answer to placing order .lost_dbg. on BTC-USDT was lost'
        $placed = @((Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).orders | Where-Object clientOrderID -EQ 'lost_dbg')
        $placed | Should -HaveCount 1
        $result.StdOut | Should -Match "id $($placed[0].orderId)"
        @(Get-SimRequestLog -Simulator $sim -Path $api.Order) | Should -HaveCount 1
    }

    It 'with -Debug alone the verbose lines arrive as debug lines; with -Debug -Verbose both streams as usual' {
        $answered = Invoke-WithAnsweringHost -Script 'Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Debug'
        $answered.Prompts | Should -BeNullOrEmpty
        $answered.Output | Should -HaveCount 2
        ($answered.Debug -join "`n") | Should -Match 'BTC-USDT: 2 order\(s\) cancelled'
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001'
        $both = Invoke-WithAnsweringHost -Script 'Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Debug -Verbose'
        ($both.Verbose -join "`n") | Should -Match 'BTC-USDT: 1 order\(s\) cancelled'
    }

    It 'New-BingXOrder -Confirm on a host that cannot prompt: BingXConfirmationRequired, no order placed' {
        $result = Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "try { New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 29000 -Confirm -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId }"
        $result.StdOut | Should -Match 'BingXConfirmationRequired,BingX.PowerShell.Commands.NewBingXOrderCommand'
        @(Get-SimRequestLog -Simulator $sim -Path $api.Order) | Should -BeNullOrEmpty
    }
}

Describe 'Placing and the cancel timer: ConfirmImpact Medium, -Force, and the same gate (pwsh -NonInteractive, $ConfirmPreference = Medium)' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        Clear-SimRequestLog $sim
    }

    It '<Name> without -Force: BingXConfirmationRequired before anything is sent' -ForEach @(
        @{ Name = 'New-BingXOrder'; Command = 'New-BingXOrder BTC-USDT Buy Limit 0.001 29000'; Endpoint = 'Order' }
        @{ Name = 'Enable-BingXCancelTimer'; Command = 'Enable-BingXCancelTimer -Seconds 30'; Endpoint = 'CancelTimer' }
        @{ Name = 'Disable-BingXCancelTimer'; Command = 'Disable-BingXCancelTimer'; Endpoint = 'CancelTimer' }
    ) {
        $result = Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "`$ConfirmPreference = 'Medium'; try { $Command -ErrorAction Stop; 'sent' } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        $result.StdOut | Should -Match 'BingXConfirmationRequired,'
        $result.StdOut | Should -Match '-Force'
        @(Get-SimRequestLog -Simulator $sim -Path $api.$Endpoint) | Should -BeNullOrEmpty
    }

    It '<Name> -Force: sent without a prompt, the result written' -ForEach @(
        @{ Name = 'New-BingXOrder'; Command = 'New-BingXOrder BTC-USDT Buy Limit 0.001 29000 -Force'; Endpoint = 'Order'; Expect = 'PENDING' }
        @{ Name = 'Enable-BingXCancelTimer'; Command = 'Enable-BingXCancelTimer -Seconds 30 -Force'; Endpoint = 'CancelTimer'; Expect = 'ACTIVATED' }
    ) {
        $result = Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command "`$ConfirmPreference = 'Medium'; try { ($Command -ErrorAction Stop).Status } catch { `$_.FullyQualifiedErrorId }"
        $result.StdOut | Should -Match $Expect
        @(Get-SimRequestLog -Simulator $sim -Path $api.$Endpoint) | Should -HaveCount 1
        if ($Name -eq 'Enable-BingXCancelTimer') { $null = Disable-BingXCancelTimer -Force }
    }

    It 'New-BingXOrder on a symbol BingX does not list: BingXSymbolNotFound naming it, like the other cmdlets' {
        $err = { New-BingXOrder NOPE-USDT Buy Limit 0.001 29000 -Force -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXSymbolNotFound,*'
        $err.Exception.Message | Should -Match 'NOPE-USDT.*no order was placed'
    }
}
