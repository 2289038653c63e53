# Rate limits: the module paces itself so it never draws 100410 in normal use, and when the exchange answers 100410
# anyway (in any of its three forms) it waits as asked within -MaxRateLimitWaitSec, on the exchange's clock, or fails
# with BingXRateLimited saying when to come back. The ErrorId mapping of each form is in StopBingXOpenOrder.Tests.ps1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers Reliability
    function Get-DisabledMessage([long] $UntilMs) {
        "code:100410:The endpoint trigger frequency limit rule is currently in the disabled period and will be unblocked after $UntilMs"
    }

    function Get-PenaltyMessage([long] $UntilMs) {
        "over 20 error code:100202 requests within 480000 ms for this api, please verify and fix it ,can retry after time: $UntilMs"
    }

    function Get-UnblockTime([string] $Message) {
        [long] [regex]::Match($Message, '(\d{13})$').Groups[1].Value
    }

    # The simulator's clock as this process sees it, without asking it (a server/time call would show in the log).
    function Get-SimNowMs([long] $OffsetMs) { [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() + $OffsetMs }

    $defaultSettings = @{ ViolationsToDisable = 10; DisabledPeriodMs = 30000 }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'A 100410 the module waits out' {
    AfterEach {
        Clear-SimFault $sim
        $null = Set-SimClock -Simulator $sim -Real
        $null = Set-SimSetting -Simulator $sim @defaultSettings
    }

    It '"rate limited" (no unblock time): pauses 1 s, says why in verbose and progress, then cancels' {
        $account = New-SeededSimAccount $sim
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Variant rate
        $run = Invoke-CapturedCommand -Command 'Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Verbose'
        $run.Error | Should -BeNullOrEmpty
        @($run.Output.OrderId | Sort-Object) | Should -Be $account.OrderIds
        ($run.Verbose.Message -join "`n") | Should -Match 'rate limited by BingX \(code 100410: rate limited\); waiting 1\.0 s'
        $waiting = @($run.Progress | Where-Object { $_.StatusDescription -like "Rate limited by BingX on $($api.CancelAll)*" })
        $waiting | Should -Not -BeNullOrEmpty
        $waiting[0].SecondsRemaining | Should -BeIn 0, 1
        $run.Progress[-1].RecordType | Should -Be 'Completed'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll).code | Should -Be @(100410, 0)
    }

    It 'a real disabled period ending 1.5 s later, server clock <Offset> ms: retried at the exchange''s unblock time, not before' -ForEach @(
        @{ Offset = 0 }
        @{ Offset = 30000 }
        @{ Offset = -30000 }
    ) {
        $null = Set-SimClock -Simulator $sim -OffsetMs $Offset
        $account = New-SeededSimAccount $sim
        $null = Set-SimSetting -Simulator $sim -ViolationsToDisable 1 -DisabledPeriodMs 1500
        # Another client of the same account breaks the limit (3 cancels at once): the endpoint is disabled for 1.5 s.
        1..3 | ForEach-Object {
            $null = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll -Parameters ([ordered] @{ symbol = 'ETH-USDT' }) -Timestamp (Get-SimNowMs $Offset)
        }
        Clear-SimRequestLog $sim

        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop
        @($cancelled.OrderId | Sort-Object) | Should -Be $account.OrderIds
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $log.code | Should -Be @(100410, 0)
        $log[0].msg | Should -Match 'disabled period'
        $log[1].time | Should -BeGreaterOrEqual (Get-UnblockTime $log[0].msg) -Because 'the retry must wait for the unblock time on the exchange''s clock'
        $log[1].time - (Get-UnblockTime $log[0].msg) | Should -BeLessThan 1500 -Because 'and not much longer'
    }

    It 'not connected and the server clock 30 s ahead: reads the clock once, then waits the right time' {
        $null = Set-SimClock -Simulator $sim -OffsetMs 30000
        $account = New-SimAccount -Simulator $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001'
        Disconnect-BingX
        Reset-BingXProcessState
        $previousBaseUri = $env:BINGX_BASE_URI
        $env:BINGX_BASE_URI = [string] $sim.BaseUri
        try {
            $until = (Get-SimNowMs 30000) + 1500
            $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Msg (Get-DisabledMessage $until)
            Clear-SimRequestLog $sim
            $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Credential $account.Credential -ErrorAction Stop
        }
        finally {
            $env:BINGX_BASE_URI = $previousBaseUri
        }
        $cancelled | Should -HaveCount 1
        @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime) | Should -HaveCount 1
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $log.code | Should -Be @(100410, 0) -Because 'the retry is stamped with the measured offset too'
        $log[1].time | Should -BeGreaterOrEqual $until
    }

    It 'the server clock moved after the offset was measured: a block 2 s ahead by the error body''s timestamp is waited out, not taken for 32 s' {
        $account = New-SeededSimAccount $sim
        Reset-BingXProcessState
        $null = Get-BingXServerTime
        # The exchange's clock (or this machine's, after a laptop sleeps) moves by 30 s after the offset was measured.
        $null = Set-SimClock -Simulator $sim -OffsetMs 30000
        $until = (Get-SimNowMs 30000) + 2000
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Msg (Get-DisabledMessage $until)
        Clear-SimRequestLog $sim
        $run = Invoke-CapturedCommand -Command 'Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Verbose'
        $run.Error | Should -BeNullOrEmpty -Because 'a 2 s block is within the default 5 s wait'
        @($run.Output.OrderId | Sort-Object) | Should -Be $account.OrderIds
        ($run.Verbose.Message -join "`n") | Should -Match 'waiting [12]\.\d s' -Because 'about 2 s, not 32 s'
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $log.code | Should -Be @(100410, 0) -Because 'the clock was measured again during the wait, so the retry''s timestamp is accepted'
        $log[1].time | Should -BeGreaterOrEqual $until
        $log[1].time - $until | Should -BeLessThan 1500
        @(Get-SimRequestLog -Simulator $sim -Path $api.ServerTime) | Should -HaveCount 1
    }

    It 'the penalty form with a near retry time is waited out' {
        $account = New-SeededSimAccount $sim
        $until = (Get-SimNowMs 0) + 1200
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Msg (Get-PenaltyMessage $until)
        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop
        @($cancelled.OrderId | Sort-Object) | Should -Be $account.OrderIds
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $log.code | Should -Be @(100410, 0)
        $log[1].time | Should -BeGreaterOrEqual $until
    }

    It 'a block that keeps coming back: BingXRateLimited after 2 waits and 3 requests, never more' {
        $account = New-SeededSimAccount $sim
        foreach ($i in 1..3) {
            $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Msg (Get-DisabledMessage ((Get-SimNowMs 0) + 300))
        }
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Variant rate -Count 5
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXRateLimited,*'
        $err.Exception.Message | Should -Match 'still blocked after 2 waits'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 3
    }
}

Describe 'A 100410 longer than -MaxRateLimitWaitSec' -Tag Core {
    AfterEach {
        Clear-SimFault $sim
        $null = Set-SimClock -Simulator $sim -Real
    }

    It 'fails at once with BingXRateLimited, RetryAfter on the exchange''s clock and LocalRetryAfter on this one (server <Offset> ms)' -ForEach @(
        @{ Offset = 30000 }
        @{ Offset = -30000 }
    ) {
        $null = Set-SimClock -Simulator $sim -OffsetMs $Offset
        $account = New-SeededSimAccount $sim
        $until = (Get-SimNowMs $Offset) + 60000
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Msg (Get-DisabledMessage $until)
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXRateLimited,*'
        $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $err.Exception.RetryAfter.ToUnixTimeMilliseconds() | Should -Be $until
        $local = $err.Exception.LocalRetryAfter.ToUnixTimeMilliseconds()
        [math]::Abs(($until - $Offset) - $local) | Should -BeLessThan 1000 -Because 'the local time is the exchange''s minus the measured offset'
        $err.Exception.Message | Should -Match 'accepts it again at .* UTC by its clock'
        $err.Exception.Message | Should -Match '-MaxRateLimitWaitSec'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 1
    }

    It '-MaxRateLimitWaitSec 0 never waits, even for a plain "rate limited"' {
        $account = New-SeededSimAccount $sim
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Variant rate
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -MaxRateLimitWaitSec 0 } | Should -Throw -PassThru
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 0.9
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXRateLimited,*'
        $err.Exception.RetryAfter | Should -BeNullOrEmpty
        $err.Exception.Message | Should -Match '-MaxRateLimitWaitSec 0'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 1
    }

    It 'Connect-BingX -MaxRateLimitWaitSec sets the session''s default; a cmdlet''s own value wins' {
        $account = New-SeededSimAccount $sim
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential -MaxRateLimitWaitSec 0
        Clear-SimRequestLog $sim
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Variant rate -Count 2
        { Stop-BingXOpenOrder -Symbol BTC-USDT -Force } | Should -Throw -ErrorId 'BingXRateLimited,BingX.PowerShell.Commands.StopBingXOpenOrderCommand'
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 1

        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -MaxRateLimitWaitSec 3 -ErrorAction Stop
        @($cancelled.OrderId | Sort-Object) | Should -Be $account.OrderIds
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll).code | Should -Be @(100410, 100410, 0)
    }
}

Describe 'The module''s own pacing' {
    It 'five cancels in a row on one key draw no 100410, keep 2 per second, and say they wait' {
        $account = New-SeededSimAccount $sim
        $run = Invoke-CapturedCommand -Command 'Stop-BingXOpenOrder -Symbol BTC-USDT, ETH-USDT, SOL-USDT, XRP-USDT, ADA-USDT -Force -Verbose'
        $run.Error | Should -BeNullOrEmpty
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $log | Should -HaveCount 5
        $log | Where-Object code -NE 0 | Should -BeNullOrEmpty
        foreach ($i in 2..4) {
            $log[$i].time - $log[$i - 2].time | Should -BeGreaterOrEqual 1000 -Because 'at most 2 requests in any second'
        }
        ($run.Verbose.Message -join "`n") | Should -Match 'keeping to BingX''s limit of 2 requests/s for this API key; waiting \d\.\d\d s'
        $run.Progress | Where-Object StatusDescription -Like "Pacing $($api.CancelAll) at 2/s*" | Should -Not -BeNullOrEmpty
    }
}
