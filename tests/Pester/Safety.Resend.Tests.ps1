# Nothing that can trade is sent twice by any layer. .NET's connection pool resends a request without a body when the
# connection ends before the first byte of the answer (dotnet/runtime HttpConnection.SendAsync sets _canRetry,
# HttpConnectionPool.SendWithVersionDetectionAndRetryAsync resends up to 3 times, any method, new or reused
# connection). These tests make the exchange carry a request out and then close the connection without a word: once
# with the simulator's hangup fault, once below HTTP with a TCP proxy that eats the answer. The request log proves how
# many requests reached the exchange.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers AnswerDroppingProxy
}

AfterAll {
    Stop-ModuleTest
}

Describe 'New-BingXOrder when the exchange acts and the connection closes without an answer' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        # A read first: the session holds a pooled, kept-alive connection, as any earlier call leaves one.
        $null = Get-BingXBalance
        Clear-SimRequestLog $sim
    }

    It 'simulator hangup on a kept-alive connection: one order POST, one order, recovered by client order id with a warning' {
        $null = Add-SimFault -Simulator $sim -Path $api.Order -Kind hangup -AfterProcessing
        $order = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -ClientOrderId 'hangup_1' -WarningVariable warnings -WarningAction SilentlyContinue

        $posts = @(Get-SimRequestLog -Simulator $sim -Path $api.Order)
        $posts | Should -HaveCount 1 -Because 'neither the module nor .NET sends an order twice'
        $posts[0].fault | Should -Be 'hangup'
        $posts[0].body | Should -BeNullOrEmpty
        $posts[0].headers.'Content-Length' | Should -Be '0' -Because 'the wire is what a POST without content sends'
        $posts[0].headers.Keys | Should -Not -Contain 'Content-Type'
        $held = Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey
        $held | Should -HaveCount 1
        $order.ClientOrderId | Should -Be 'hangup_1'
        $order.OrderId | Should -Be ([long] $held[0].orderId)
        @(Get-SimRequestLog -Simulator $sim -Path $api.Query).Count | Should -BeGreaterOrEqual 1 -Because 'it was found by its client order id'
        ($warnings -join "`n") | Should -Match 'hangup_1'
        ($warnings -join "`n") | Should -Match 'was lost \(BingXNetworkError\)'
    }

    It 'TCP proxy eats the answer after the exchange acted: one order POST reaches the exchange, one order, recovered' {
        $proxy = Start-AnswerDroppingProxy -Target $sim.BaseUri -DropRequestLine "POST $($api.Order)"
        try {
            Connect-BingX -BaseUri $proxy.BaseUri -Credential $account.Credential
            $null = Get-BingXBalance
            Clear-SimRequestLog $sim
            $order = New-BingXOrder -Symbol BTC-USDT -Side SELL -Type LIMIT -Quantity 0.001 -Price 60000 -ClientOrderId 'proxy_1' -WarningVariable warnings -WarningAction SilentlyContinue

            $proxy.Proxy.Dropped | Should -Be 1
            @($proxy.Proxy.Forwarded | Where-Object { $_ -like "* POST $($api.Order)*" }) | Should -HaveCount 1
            @(Get-SimRequestLog -Simulator $sim -Path $api.Order) | Should -HaveCount 1 -Because 'the HTTP stack did not resend the order'
            Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Should -HaveCount 1
            $order.ClientOrderId | Should -Be 'proxy_1'
            ($warnings -join "`n") | Should -Match 'proxy_1'
        }
        finally {
            Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
            Stop-AnswerDroppingProxy $proxy
        }
    }

    It 'reads keep their pooled connection: a second read goes over the same proxied connection' {
        $proxy = Start-AnswerDroppingProxy -Target $sim.BaseUri -DropRequestLine 'NONE'
        try {
            Connect-BingX -BaseUri $proxy.BaseUri -Credential $account.Credential
            $null = Get-BingXBalance
            $null = Get-BingXOpenOrder -Symbol BTC-USDT
            $null = New-BingXOrder -Symbol BTC-USDT -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000
            $null = Get-BingXBalance
            $proxy.Proxy.Connections | Should -Be 1 -Because 'the fix changes no connection handling'
        }
        finally {
            Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
            Stop-AnswerDroppingProxy $proxy
        }
    }
}

Describe 'Cancels whose answer is lost: resent once by the module''s own retry (harmless: an order is cancelled at most once)' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $null = Get-BingXBalance
        $orders = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2)
        $ids = @($orders.orderId | ForEach-Object { [long] $_ })
        Clear-SimRequestLog $sim
    }

    It 'Stop-BingXOpenOrder: the resent cancel-all cancels nothing more; no warning (none are left open either way), a verbose line says the first attempt''s orders are not in the result' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind hangup -AfterProcessing
        $stream = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -WarningVariable warnings -WarningAction SilentlyContinue -Verbose 4>&1
        $verbose = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $cancelled = @($stream | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })

        $posts = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $posts | Should -HaveCount 2 -Because 'the module retries a cancel whose answer was lost, once, itself'
        $posts[0].fault | Should -Be 'hangup'
        $cancelled | Should -BeNullOrEmpty
        @(Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Where-Object status -NE 'CANCELED') | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
        ($verbose -join "`n") | Should -Match 'earlier attempt lost its answer \(BingXNetworkError\); the retry succeeded; orders it cancelled are not in this result'
    }

    It 'Stop-BingXOrder: the resent batch hears "already cancelled"; each id is looked up, found CANCELED and written as cancelled, no error, no warning' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelMany -Kind hangup -AfterProcessing
        $cancelled = Stop-BingXOrder -Symbol BTC-USDT -OrderId $ids -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue

        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelMany) | Should -HaveCount 2
        @(Get-SimRequestLog -Simulator $sim -Path $api.Query) | Should -HaveCount 2
        @(Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Where-Object status -NE 'CANCELED') | Should -BeNullOrEmpty -Because 'the first attempt cancelled both'
        @($cancelled.OrderId | Sort-Object) | Should -Be ($ids | Sort-Object)
        $errs | Should -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
    }

    It 'TCP proxy eats a batch cancel''s answer after the exchange acted: the retry''s "already cancelled" ids are looked up and written as cancelled' {
        $proxy = Start-AnswerDroppingProxy -Target $sim.BaseUri -DropRequestLine "POST $($api.CancelMany)"
        try {
            Connect-BingX -BaseUri $proxy.BaseUri -Credential $account.Credential
            $null = Get-BingXBalance
            Clear-SimRequestLog $sim
            $cancelled = Get-BingXOpenOrder -Symbol BTC-USDT | Stop-BingXOrder -Force -ErrorVariable errs -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue

            $proxy.Proxy.Dropped | Should -Be 1
            @(Get-SimRequestLog -Simulator $sim -Path $api.CancelMany) | Should -HaveCount 2 -Because 'the module resent the batch once, itself'
            @(Get-SimOrder -Simulator $sim -ApiKey $account.ApiKey | Where-Object status -NE 'CANCELED') | Should -BeNullOrEmpty
            @($cancelled.OrderId | Sort-Object) | Should -Be ($ids | Sort-Object)
            $errs | Should -BeNullOrEmpty -Because 'an order the lost attempt cancelled is not a failure'
            $warnings | Should -BeNullOrEmpty
        }
        finally {
            Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
            Stop-AnswerDroppingProxy $proxy
        }
    }

    It 'Stop-BingXOrder with one id: the resent cancel hears "already cancelled", the order is looked up and written as cancelled' {
        $null = Add-SimFault -Simulator $sim -Path $api.Cancel -Kind hangup -AfterProcessing
        $cancelled = Stop-BingXOrder -Symbol BTC-USDT -OrderId $ids[0] -Force -ErrorVariable errs -ErrorAction SilentlyContinue

        @(Get-SimRequestLog -Simulator $sim -Path $api.Cancel) | Should -HaveCount 2
        $cancelled.OrderId | Should -Be $ids[0]
        $cancelled.Status | Should -Be 'CANCELED'
        $errs | Should -BeNullOrEmpty
    }
}
