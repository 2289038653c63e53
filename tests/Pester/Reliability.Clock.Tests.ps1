# Clock skew, the most reported BingX failure (100421): requests are stamped with the exchange's time, measured at
# Connect-BingX and again whenever the exchange rejects a timestamp; such a rejection is retried once. The business
# meanings of 100421 are reported, never retried.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -PointBaseUri -Helpers Reliability
    function New-AccountWithOrders {
        $account = New-SimAccount -Simulator $sim
        $orders = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2
        $account | Add-Member -NotePropertyName OrderIds -NotePropertyValue @($orders.orderId | ForEach-Object { [long] $_ } | Sort-Object)
        return $account
    }

    function Get-Stamp($request) {
        [long] [regex]::Match($request.query, '(?:^|&)timestamp=(\d+)').Groups[1].Value
    }

    function Assert-StampedWithServerTime($request) {
        # The log's time is the arrival on the server clock: a right stamp is a few ms before it.
        [math]::Abs($request.time - (Get-Stamp $request)) | Should -BeLessThan 1000
    }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'The local clock 30 s off the exchange''s' -Tag Core {
    BeforeEach {
        # The offset is remembered process-wide: start each case from what a fresh process knows.
        Disconnect-BingX
        Reset-BingXProcessState
    }
    AfterEach {
        $null = Set-SimClock -Simulator $sim -Real
        Clear-SimFault $sim
    }

    It 'not connected, server clock <Offset> ms: Stop-BingXOpenOrder succeeds with exactly one server/time call' -ForEach @(
        @{ Offset = 30000 }
        @{ Offset = -30000 }
    ) {
        $null = Set-SimClock -Simulator $sim -OffsetMs $Offset
        $account = New-AccountWithOrders
        Clear-SimRequestLog $sim

        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Credential $account.Credential -ErrorAction Stop

        @($cancelled.OrderId | Sort-Object) | Should -Be $account.OrderIds
        $clockReads = @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime)
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        Write-Host "Server clock $Offset ms off, not connected: $($clockReads.Count) server/time call(s); cancel-all answers: $($log.code -join ', ')"
        $clockReads | Should -HaveCount 1
        $log.code | Should -Be @(100421, 0)
        $log[0].msg | Should -Match 'timestamp mismatch'
        Assert-StampedWithServerTime $log[1]
    }

    It 'connected before the server clock moved <Offset> ms: one extra server/time call, then none' -ForEach @(
        @{ Offset = 30000 }
        @{ Offset = -30000 }
    ) {
        $account = New-AccountWithOrders
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        $null = Set-SimClock -Simulator $sim -OffsetMs $Offset
        Clear-SimRequestLog $sim

        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop
        @($cancelled.OrderId | Sort-Object) | Should -Be $account.OrderIds
        $clockReads = @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime)
        $codes = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll).code
        Write-Host "Server clock moved $Offset ms after Connect-BingX: $($clockReads.Count) extra server/time call(s); cancel-all answers: $($codes -join ', ')"
        $clockReads | Should -HaveCount 1
        $codes | Should -Be @(100421, 0)

        # The new offset is kept: the next command is stamped right the first time.
        Clear-SimRequestLog $sim
        $null = Get-BingXOpenOrder -ErrorAction Stop
        @(Get-SimRequestLog -Simulator $sim).path | Should -Be @($api.OpenOrders)
    }

    It 'connected after the server clock moved <Offset> ms: Connect measures it, and the first request is right' -ForEach @(
        @{ Offset = 30000 }
        @{ Offset = -30000 }
    ) {
        $null = Set-SimClock -Simulator $sim -OffsetMs $Offset
        $account = New-AccountWithOrders
        $info = Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential -PassThru
        [math]::Abs($info.ClockOffset.TotalMilliseconds - $Offset) | Should -BeLessThan 500
        Clear-SimRequestLog $sim

        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop
        @($cancelled.OrderId | Sort-Object) | Should -Be $account.OrderIds
        $log = @(Get-SimRequestLog -Simulator $sim)
        $log.path | Should -Be @($api.CancelAll)
        $log[0].code | Should -Be 0
        Assert-StampedWithServerTime $log[0]
    }

    It 'the measured offset serves every runspace of the process' {
        $null = Set-SimClock -Simulator $sim -OffsetMs 30000
        $account = New-AccountWithOrders
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        Clear-SimRequestLog $sim
        $run = Invoke-CapturedCommand -Command 'Get-BingXOpenOrder -Symbol BTC-USDT'
        $run.Error | Should -BeNullOrEmpty
        @($run.Output.OrderId | Sort-Object) | Should -Be $account.OrderIds
        $log = @(Get-SimRequestLog -Simulator $sim)
        $log.path | Should -Be @($api.OpenOrders)
        $log[0].code | Should -Be 0
    }
}

Describe 'Timestamp rejections and the other 100421' -Tag Core {
    BeforeEach {
        # A fresh account each time: no case waits for the previous one's rate-limit window.
        $account = New-SimAccount -Simulator $sim
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001'
        Clear-SimRequestLog $sim
    }
    AfterEach { Clear-SimFault $sim }

    It 'code <Code> ("<Msg>") is retried once after reading the clock' -ForEach @(
        @{ Code = 80014; Msg = 'timestamp is invalid' }
        @{ Code = 100421; Msg = 'Null timestamp or timestamp mismatch, try to run our sample code from the link https://bingx-api.github.io/docs/#/en-us/spot/account-api.html#Query%20Assets' }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code $Code -Msg $Msg
        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop
        $cancelled | Should -HaveCount 1
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll).code | Should -Be @($Code, 0)
        @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime) | Should -HaveCount 1
    }

    It 'a rejection that persists: BingXTimestampRejected after exactly one clock reading and one retry' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100421 -Count 5
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXTimestampRejected,*'
        $err.Exception.Message | Should -Match 'NTP'
        $err.Exception.Message | Should -Match '-RecvWindow'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 2
        @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime) | Should -HaveCount 1
    }

    It 'a timestamp error from the public server/time is not chased: one clock reading, then BingXTimestampRejected' {
        $null = Add-SimFault -Simulator $sim -Kind business -Code 100421 -Count 5
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXTimestampRejected,*'
        @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime) | Should -HaveCount 1
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 1
    }

    It '100421 "<Msg>" is a business rejection: BingXApiError, no clock reading, no retry' -ForEach @(
        @{ Msg = 'symbol not tradable by API, please trade it on the BingX website or app' }
        @{ Msg = 'cancel fail, order not exist' }
        @{ Msg = 'The number of open orders has reached the upper limit' }
    ) {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100421 -Msg $Msg
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXApiError,*'
        $err.Exception.Code | Should -Be 100421
        $err.Exception.Message | Should -Not -Match 'clock'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 1
        @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime) | Should -BeNullOrEmpty
    }
}
