# Enable-/Disable-BingXCancelTimer end to end (trade/cancelAllAfter): the simulator runs the countdown for real.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
    function Get-SimCancelTimer($ApiKey) {
        Invoke-SimControl -Simulator $sim -Method GET -Path "/_sim/accounts/$ApiKey/cancel-timer"
    }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Enable-BingXCancelTimer / Disable-BingXCancelTimer' {
    It '-WhatIf on either sends nothing and arms nothing' {
        $account = New-ConnectedSimAccount $sim
        Enable-BingXCancelTimer -Seconds 30 -WhatIf | Should -BeNullOrEmpty
        Disable-BingXCancelTimer -WhatIf | Should -BeNullOrEmpty
        @(Get-SimRequestLog -Simulator $sim) | Should -HaveCount 0
        (Get-SimCancelTimer $account.ApiKey).armed | Should -BeFalse
    }

    It 'Disable- on a timer that is not armed answers CLOSED, not an error' {
        $null = New-ConnectedSimAccount $sim
        $closed = Disable-BingXCancelTimer -ErrorAction Stop
        $closed.Status | Should -Be 'CLOSED'
        $closed.FiresAt | Should -BeNullOrEmpty
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.CancelTimer)[0].query).type | Should -Be 'CLOSE'
    }

    It 'refuses -Seconds outside 10..120 before sending anything' {
        $null = New-ConnectedSimAccount $sim
        { Enable-BingXCancelTimer -Seconds 9 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        { Enable-BingXCancelTimer -Seconds 121 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        @(Get-SimRequestLog -Simulator $sim) | Should -HaveCount 0
    }

    It 'a script that stops re-arming has its open orders cancelled by the exchange; Disable- before that keeps them' {
        # Two accounts at once keep the test to one countdown: A re-arms twice and stops, B arms and disables.
        $a = New-SimAccount -Simulator $sim
        $b = New-SimAccount -Simulator $sim
        $aOrders = @(Add-SimOrder -Simulator $sim -ApiKey $a.ApiKey -Symbol BTC-USDT -Side BUY -Price 30000 -Quantity 0.001 -Count 3)
        $null = Add-SimOrder -Simulator $sim -ApiKey $a.ApiKey -Symbol ETH-USDT -Side SELL -Price 5000 -Quantity 1
        $null = Add-SimOrder -Simulator $sim -ApiKey $b.ApiKey -Symbol BTC-USDT -Side BUY -Price 30000 -Quantity 0.001 -Count 2
        Connect-BingX -BaseUri $sim.BaseUri -Credential $a.Credential
        Clear-SimRequestLog $sim

        $armed = foreach ($beat in 1..2) {
            Enable-BingXCancelTimer -Seconds 10 -Credential $a.Credential
            Start-Sleep -Milliseconds 1000
        }
        $lastArm = $armed[-1]
        $bArmed = Enable-BingXCancelTimer -Seconds 10 -Credential $b.Credential
        $bClosed = Disable-BingXCancelTimer -Credential $b.Credential

        $lastArm | Should -BeOfType ([BingX.PowerShell.BingXCancelTimer])
        $lastArm.Status | Should -Be 'ACTIVATED'
        $lastArm.Seconds | Should -Be 10
        $lastArm.FiresAt.Kind | Should -Be 'Local'
        # Re-arming moved the trigger: the second arm fires about a second after the first would have.
        ($armed[1].TriggerTime - $armed[0].TriggerTime).TotalSeconds | Should -BeGreaterOrEqual 1
        $bClosed.Status | Should -Be 'CLOSED'
        $bClosed.TriggerTime | Should -BeNullOrEmpty

        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelTimer)
        $log | Should -HaveCount 4
        $log | ForEach-Object { $_.method | Should -Be 'POST'; $_.code | Should -Be 0 }
        (ConvertFrom-SimQuery $log[0].query).type | Should -Be 'ACTIVATE'
        (ConvertFrom-SimQuery $log[0].query).timeOut | Should -Be '10'
        (ConvertFrom-SimQuery $log[3].query).type | Should -Be 'CLOSE'

        # Nothing is cancelled before the trigger time...
        @((Get-SimAccount -Simulator $sim -ApiKey $a.ApiKey).orders | Where-Object status -in 'NEW', 'PENDING') | Should -HaveCount 4
        # ...and everything of A is once it has passed; B's stay.
        $deadline = $lastArm.TriggerTime.AddSeconds(3)
        do {
            Start-Sleep -Milliseconds 250
            $aNow = Get-SimAccount -Simulator $sim -ApiKey $a.ApiKey
        } until (@($aNow.orders | Where-Object status -in 'NEW', 'PENDING').Count -eq 0 -or [DateTimeOffset]::UtcNow -gt $deadline)

        @($aNow.orders.status | Sort-Object -Unique) | Should -Be @('CANCELED')
        $firing = (Get-SimCancelTimer $a.ApiKey).firings
        $firing | Should -HaveCount 1
        # triggerTime comes in whole seconds: the firing is within that second.
        [math]::Floor($firing[0].time / 1000) | Should -Be $lastArm.TriggerTime.ToUnixTimeSeconds()
        @($firing[0].canceled) | Should -Contain ([long] $aOrders[0].orderId)
        # A resting order reads NEW or PENDING depending on the simulator version (issue 15): open, either way.
        @((Get-SimAccount -Simulator $sim -ApiKey $b.ApiKey).orders | Where-Object status -notin 'NEW', 'PENDING') | Should -HaveCount 0
        (Get-SimCancelTimer $b.ApiKey).firings | Should -HaveCount 0
        # The module sent no cancel: the exchange did it.
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 0
    }

    It 'reports BingXCancelTimerRefused while the fired mass cancel still runs (documented), for ACTIVATE and CLOSE' {
        $account = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price 30000 -Quantity 0.001 -Count 2
        $null = Invoke-SimControl -Simulator $sim -Method POST -Path "/_sim/accounts/$($account.ApiKey)/cancel-timer" -Body @{ massCancelMs = 60000 }
        $null = Enable-BingXCancelTimer -Seconds 120
        $null = Invoke-SimControl -Simulator $sim -Method POST -Path "/_sim/accounts/$($account.ApiKey)/cancel-timer/fire"

        Enable-BingXCancelTimer -Seconds 60 -ErrorVariable enableErrors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Disable-BingXCancelTimer -ErrorVariable disableErrors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $enableErrors[0].FullyQualifiedErrorId | Should -Match '^BingXCancelTimerRefused'
        $enableErrors[0].Exception.Message | Should -Match 'FAILED'
        $disableErrors[0].FullyQualifiedErrorId | Should -Match '^BingXCancelTimerRefused'
        @((Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).orders.status | Sort-Object -Unique) | Should -Be @('CANCELED')
    }
}

Describe 'the simulator''s trade/cancelAllAfter' {
    It 'answers triggerTime in seconds, refuses timeOut outside 10..120 with 100400, and keeps 1 request per second' {
        $account = New-SimAccount -Simulator $sim
        $ok = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelTimer -Parameters ([ordered] @{ type = 'ACTIVATE'; timeOut = '10' })
        $ok.Json.code | Should -Be 0
        $ok.Json.data.status | Should -Be 'ACTIVATED'
        $ok.Json.data.triggerTime | Should -BeLessThan 100000000000
        [math]::Abs($ok.Json.data.triggerTime - ([DateTimeOffset]::UtcNow.ToUnixTimeSeconds() + 10)) | Should -BeLessOrEqual 2
        $tooFast = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelTimer -Parameters ([ordered] @{ type = 'CLOSE' })
        $tooFast.Json.code | Should -Be 100410
        Start-Sleep -Milliseconds 1100
        $bad = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelTimer -Parameters ([ordered] @{ type = 'ACTIVATE'; timeOut = '9' })
        $bad.Json.code | Should -Be 100400
        Start-Sleep -Milliseconds 1100
        $close = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelTimer -Parameters ([ordered] @{ type = 'CLOSE' })
        $close.Json.data.status | Should -Be 'CLOSED'
        $close.Json.data.triggerTime | Should -Be 0
    }
}
