# What the network or the exchange can do wrong, injected in the simulator. Every fault ends in a specific ErrorId
# or a recovery with the right result: never a hang, a raw .NET exception or a wrong answer.
# Exchange error codes (100410, 100421, ...) are in Reliability.RateLimit and Reliability.Clock; the mapping of the
# other codes to ErrorIds is in StopBingXOpenOrder.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers Reliability
    function Get-OrderStatus($account) {
        @((Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).orders.status | Sort-Object -Unique)
    }

    function Assert-BingXError($err, [string] $ErrorId) {
        # A BingX error with a stable id, never a raw .NET exception.
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,BingX.PowerShell.Commands.*"
        $err.Exception | Should -BeOfType ([BingX.PowerShell.BingXException])
        $err.Exception.ErrorId | Should -Be $ErrorId
    }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'A read (Get-BingXOpenOrder) meets a transport fault' {
    BeforeEach { $account = New-SeededSimAccount $sim }
    AfterEach { Clear-SimFault $sim }

    It '<Name> once: retried, and the result is complete and right' -ForEach @(
        @{ Name = 'HTTP 500'; Fault = @{ Kind = 'status'; Status = 500 } }
        @{ Name = 'HTTP 502'; Fault = @{ Kind = 'status'; Status = 502 } }
        @{ Name = 'HTTP 503'; Fault = @{ Kind = 'status'; Status = 503 } }
        @{ Name = 'an HTML error page'; Fault = @{ Kind = 'html' } }
        @{ Name = 'a body that is not JSON'; Fault = @{ Kind = 'malformed' } }
        @{ Name = 'truncated JSON'; Fault = @{ Kind = 'truncated' } }
        @{ Name = 'a connection dropped mid-response'; Fault = @{ Kind = 'drop' } }
        @{ Name = 'code 100500 (internal error)'; Fault = @{ Kind = 'business'; Code = 100500 } }
        @{ Name = 'code 100503 (system busy)'; Fault = @{ Kind = 'business'; Code = 100503 } }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.OpenOrders @Fault
        $orders = Get-BingXOpenOrder -Symbol BTC-USDT -ErrorAction Stop
        @($orders.OrderId | Sort-Object) | Should -Be $account.OrderIds
        $orders[0].Price | Should -Be ([decimal] '30000.5')
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders)
        $log | Should -HaveCount 2
        $log[0].fault | Should -Be $Fault.Kind
        $log[1].fault | Should -BeNullOrEmpty
        $log[1].code | Should -Be 0
    }

    It '<Name> every time: <ErrorId> after exactly 3 attempts' -ForEach @(
        @{ Name = 'HTTP 500'; Fault = @{ Kind = 'status'; Status = 500 }; ErrorId = 'BingXHttpError'; Category = 'ProtocolError' }
        @{ Name = 'HTTP 503'; Fault = @{ Kind = 'status'; Status = 503 }; ErrorId = 'BingXHttpError'; Category = 'ProtocolError' }
        # An HTML page is described by its status, content type and first words, not dumped whole.
        @{ Name = 'an HTML error page'; Fault = @{ Kind = 'html'; Status = 502 }; ErrorId = 'BingXHttpError'; Category = 'ProtocolError'; Says = 'HTTP 502.*text/html'; Omits = 'nginx</center>' }
        @{ Name = 'a body that is not JSON'; Fault = @{ Kind = 'malformed' }; ErrorId = 'BingXInvalidResponse'; Category = 'InvalidResult'; Says = 'not valid JSON' }
        @{ Name = 'truncated JSON'; Fault = @{ Kind = 'truncated' }; ErrorId = 'BingXInvalidResponse'; Category = 'InvalidResult' }
        @{ Name = 'a connection dropped mid-response'; Fault = @{ Kind = 'drop' }; ErrorId = 'BingXNetworkError'; Category = 'ConnectionError' }
        @{ Name = 'code 100503 (system busy)'; Fault = @{ Kind = 'business'; Code = 100503 }; ErrorId = 'BingXApiError'; Category = 'InvalidOperation' }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.OpenOrders -Count 10 @Fault
        $err = { Get-BingXOpenOrder -Symbol BTC-USDT -ErrorAction Stop } | Should -Throw -PassThru
        Assert-BingXError $err $ErrorId
        $err.CategoryInfo.Category | Should -Be $Category
        $err.Exception.OutcomeUnknown | Should -BeFalse -Because 'a read changes nothing'
        if ($Says) { $err.Exception.Message | Should -Match $Says }
        if ($Omits) { $err.Exception.Message | Should -Not -Match $Omits }
        @(Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders) | Should -HaveCount 3
    }

    It 'HTTP <Status> is not retried (it means stop), and says what to do' -ForEach @(
        @{ Status = 429; Advice = 'limiting this IP' }
        @{ Status = 418; Advice = 'ban' }
        @{ Status = 403; Advice = 'firewall' }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.OpenOrders -Kind status -Status $Status -Count 10
        $err = { Get-BingXOpenOrder -Symbol BTC-USDT } | Should -Throw -PassThru
        Assert-BingXError $err 'BingXHttpError'
        $err.Exception.HttpStatus | Should -Be $Status
        $err.Exception.Message | Should -Match $Advice
        @(Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders) | Should -HaveCount 1
    }

    It 'an answer slower than -TimeoutSec: BingXTimeout after that time, not retried' {
        $null = Add-SimFault -Simulator $sim -Path $api.OpenOrders -Kind delay -DelayMs 4000 -Count 10
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = { Get-BingXOpenOrder -Symbol BTC-USDT -TimeoutSec 1 } | Should -Throw -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3 -Because 'the timeout is per attempt and a timeout is not retried'
        Assert-BingXError $err 'BingXTimeout'
        $err.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $err.Exception.Message | Should -Match '-TimeoutSec'
        $err.Exception.OutcomeUnknown | Should -BeFalse
    }

    It 'an answer slower than usual but within -TimeoutSec is waited for' {
        $null = Add-SimFault -Simulator $sim -Path $api.OpenOrders -Kind delay -DelayMs 1200
        $orders = Get-BingXOpenOrder -Symbol BTC-USDT -TimeoutSec 5
        @($orders.OrderId | Sort-Object) | Should -Be $account.OrderIds
        @(Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders) | Should -HaveCount 1
    }

    It 'Connect-BingX''s clock reading is a read too: retried after a 502' {
        $null = Add-SimFault -Simulator $sim -Path $api.ServerTime -Kind status -Status 502
        $info = Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential -PassThru
        $info.ClockOffset.Duration().TotalSeconds | Should -BeLessThan 2
        @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime) | Should -HaveCount 2
    }

    It 'Connect-BingX gives BingXTimeout when the exchange does not answer in -TimeoutSec' {
        $null = Add-SimFault -Simulator $sim -Path $api.ServerTime -Kind delay -DelayMs 4000
        $err = { Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential -TimeoutSec 1 } | Should -Throw -PassThru
        Assert-BingXError $err 'BingXTimeout'
    }
}

Describe 'A body that stalls half way' {
    # The simulator's faults either answer late or cut the connection; this server sends the headers and half the
    # body, then neither finishes nor closes. ResponseContentRead must put the body under the timeout too.
    BeforeAll {
        $stalling = Start-StallingServer
        $account = New-SimAccount -Simulator $sim
        $previousBaseUri = $env:BINGX_BASE_URI
    }
    AfterAll {
        Stop-StallingServer $stalling
        $env:BINGX_BASE_URI = $previousBaseUri
    }

    It 'ends Connect-BingX in BingXTimeout within -TimeoutSec' {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = { Connect-BingX -BaseUri $stalling.BaseUri -Credential $account.Credential -TimeoutSec 1 } | Should -Throw -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 4
        Assert-BingXError $err 'BingXTimeout'
        $stalling.Accepted.Count | Should -BeGreaterThan 0 -Because 'the request must have reached the stalling server'
    }

    It 'ends Get-BingXOpenOrder in BingXTimeout within -TimeoutSec' {
        Disconnect-BingX
        $env:BINGX_BASE_URI = [string] $stalling.BaseUri
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = { Get-BingXOpenOrder -Symbol BTC-USDT -Credential $account.Credential -TimeoutSec 1 } | Should -Throw -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 4
        Assert-BingXError $err 'BingXTimeout'
    }
}

Describe 'Cancel-all (Stop-BingXOpenOrder) meets a transport fault' -Tag Core {
    BeforeEach { $account = New-SeededSimAccount $sim }
    AfterEach { Clear-SimFault $sim }

    It '<Name> before processing: retried, and the cancelled orders are listed' -ForEach @(
        @{ Name = 'HTTP 502'; Fault = @{ Kind = 'status'; Status = 502 } }
        @{ Name = 'an HTML error page'; Fault = @{ Kind = 'html'; Status = 503 } }
        @{ Name = 'a dropped connection'; Fault = @{ Kind = 'drop' } }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll @Fault
        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -WarningVariable warnings -WarningAction SilentlyContinue
        @($cancelled.OrderId | Sort-Object) | Should -Be $account.OrderIds
        Get-OrderStatus $account | Should -Be @('CANCELED')
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 2
    }

    It 'a connection dropped after the exchange acted: retried without a warning (cancelling all twice is cancelling all once); verbose says why the list is short' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind drop -AfterProcessing
        $verbose = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -WarningVariable warnings -WarningAction SilentlyContinue -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        # The retry found nothing left to cancel: the end state is what was asked for.
        $warnings | Should -BeNullOrEmpty
        ($verbose -join "`n") | Should -Match 'cancelOpenOrders: an earlier attempt lost its answer \(BingXNetworkError\); the retry succeeded; orders it cancelled are not in this result'
        Get-OrderStatus $account | Should -Be @('CANCELED')
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 2
    }

    It 'a lost answer followed by a failing retry: the error says the first attempt may have been carried out' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind truncated -AfterProcessing
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100400 -Msg 'the order you want to cancel is FILLED or CANCELLED already'
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop } | Should -Throw -PassThru
        Assert-BingXError $err 'BingXApiError'
        $err.Exception.OutcomeUnknown | Should -BeTrue
        $err.Exception.Message | Should -Match 'FILLED or CANCELLED already'
        $err.Exception.Message | Should -Match 'earlier attempt lost its answer \(BingXInvalidResponse\) and may have been carried out'
        Get-OrderStatus $account | Should -Be @('CANCELED')
    }

    It 'lost answers every time: <ErrorId> with OutcomeUnknown, after 3 attempts' -ForEach @(
        @{ Fault = @{ Kind = 'drop' }; ErrorId = 'BingXNetworkError' }
        @{ Fault = @{ Kind = 'truncated' }; ErrorId = 'BingXInvalidResponse' }
        @{ Fault = @{ Kind = 'status'; Status = 502 }; ErrorId = 'BingXHttpError' }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -AfterProcessing -Count 10 @Fault
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force } | Should -Throw -PassThru
        Assert-BingXError $err $ErrorId
        $err.Exception.OutcomeUnknown | Should -BeTrue
        $err.Exception.Message | Should -Match 'may or may not have been carried out'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 3
    }

    It 'an answer later than -TimeoutSec after the exchange acted: BingXTimeout with OutcomeUnknown, not retried' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind delay -DelayMs 3000 -AfterProcessing
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -TimeoutSec 1 } | Should -Throw -PassThru
        Assert-BingXError $err 'BingXTimeout'
        $err.Exception.OutcomeUnknown | Should -BeTrue
        $err.Exception.Message | Should -Match 'check the orders before repeating'
        Get-OrderStatus $account | Should -Be @('CANCELED') -Because 'the exchange did act; the message must not claim otherwise'
    }

    It 'a connection that cannot be made: BingXNetworkError that says nothing was sent' {
        $closed = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $closed.Start()
        $port = $closed.LocalEndpoint.Port
        $closed.Stop()
        Disconnect-BingX
        $previousBaseUri = $env:BINGX_BASE_URI
        $env:BINGX_BASE_URI = "http://127.0.0.1:$port"
        try {
            $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Credential $account.Credential } | Should -Throw -PassThru
        }
        finally {
            $env:BINGX_BASE_URI = $previousBaseUri
        }
        Assert-BingXError $err 'BingXNetworkError'
        $err.Exception.OutcomeUnknown | Should -BeFalse
        $err.Exception.Message | Should -Match 'Nothing was sent'
        $err.Exception.Message | Should -Not -Match 'may or may not'
    }

    It 'an error about one symbol (after retries) does not stop the next symbol' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100503 -Count 3
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Price '2500' -Quantity '0.5'
        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT, ETH-USDT -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 1
        $errors[0].TargetObject | Should -Be 'BTC-USDT'
        $cancelled.Symbol | Should -Be 'ETH-USDT'
    }
}

Describe 'Ctrl+C (StopProcessing) cancels the request in flight' {
    # Commands go to the other runspace as text: a script block would run back in this (busy) runspace.
    BeforeAll {
        $account = New-SeededSimAccount $sim
        $variables = @{ BaseUri = $sim.BaseUri; Credential = $account.Credential }
    }
    AfterEach { Clear-SimFault $sim }

    It '<Name> stops within 2 s of Stop(), and the exchange did nothing' -ForEach @(
        @{ Name = 'Stop-BingXOpenOrder waiting 20 s for an answer'; Endpoint = 'CancelAll'; Command = 'Stop-BingXOpenOrder -Symbol BTC-USDT -Force' }
        @{ Name = 'Get-BingXOpenOrder waiting 20 s for an answer'; Endpoint = 'OpenOrders'; Command = 'Get-BingXOpenOrder -Symbol BTC-USDT' }
        @{ Name = 'Connect-BingX waiting 20 s for the clock'; Endpoint = 'ServerTime'; Command = 'Connect-BingX -BaseUri $BaseUri -Credential $Credential' }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.$Endpoint -Kind delay -DelayMs 20000
        $result = Stop-PowerShellWhileBusy -Command $Command -Parameters $variables -BusyMs 700
        $result.Stopped | Should -BeTrue
        $result.StopSeconds | Should -BeLessThan 2
        $result.State | Should -Be 'Stopped'
        $result.Errors | Should -BeNullOrEmpty -Because 'a stopped pipeline reports no error of its own'
        Get-OrderStatus $account | Should -Be @('PENDING')
    }

    It 'Stop-BingXOpenOrder waiting out a 100410 block stops within 2 s' {
        $until = [DateTimeOffset]::UtcNow.AddSeconds(20).ToUnixTimeMilliseconds()
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Msg "code:100410:The endpoint trigger frequency limit rule is currently in the disabled period and will be unblocked after $until"
        $result = Stop-PowerShellWhileBusy -Command 'Stop-BingXOpenOrder -Symbol BTC-USDT -Force -MaxRateLimitWaitSec 60' -BusyMs 1000
        $result.Stopped | Should -BeTrue
        $result.StopSeconds | Should -BeLessThan 2
        $result.State | Should -Be 'Stopped'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 1 -Because 'the block was being waited out when Stop came'
        Get-OrderStatus $account | Should -Be @('PENDING')
    }
}
