# What admins, runbooks and Pester users meet in their first hour (issue 12): New-BingXOrder's short form, per-symbol
# progress, the rate limiter's cap on a slow answer, and building any of the module's errors in a mock.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers ChildProcess, Reliability
}

AfterAll {
    Stop-ModuleTest
}

Describe 'New-BingXOrder: positions, the implied type, the type error' {
    BeforeAll { $account = New-ConnectedSimAccount $sim }
    BeforeEach { Clear-SimRequestLog $sim }

    It 'New-BingXOrder BTC-USDT Buy Limit 0.001 50000 binds Symbol, Side, Type, Quantity, Price by position' {
        $order = New-BingXOrder BTC-USDT Buy Limit 0.001 50000 -Confirm:$false
        $order.Type | Should -Be 'LIMIT'
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query
        $query.symbol | Should -BeExactly 'BTC-USDT'
        $query.side | Should -BeExactly 'BUY'
        $query.type | Should -BeExactly 'LIMIT'
        $query.quantity | Should -BeExactly '0.001'
        $query.price | Should -BeExactly '50000'
    }

    It '-Price without -Type is a LIMIT order, with no prompt for the type' {
        $order = New-BingXOrder BTC-USDT BUY -Quantity 0.001 -Price 50000 -Confirm:$false
        $order.Type | Should -Be 'LIMIT'
        (ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.Order)[0].query).type | Should -BeExactly 'LIMIT'
    }

    It 'no -Type and no -Price: refused before sending (a market order only when stated)' {
        $err = { New-BingXOrder BTC-USDT BUY -Quantity 0.001 -Confirm:$false } | Should -Throw -ErrorId 'BingXInvalidParameter,*' -PassThru
        $err.Exception.Message | Should -Match '-Type MARKET'
        Get-SimRequestLog -Simulator $sim -Path $api.Order | Should -BeNullOrEmpty
    }

    It 'a bad -Type lists the types one can place, not Unknown' {
        $err = { New-BingXOrder BTC-USDT BUY Limt 0.001 50000 -Confirm:$false } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match "'Limt' is not an order type\. Use one of: MARKET, LIMIT, TAKE_STOP_LIMIT, TAKE_STOP_MARKET, TRIGGER_LIMIT, TRIGGER_MARKET\."
        $err.Exception.Message | Should -Not -Match 'Unknown'
        { New-BingXOrder BTC-USDT BUY -Type Unknown -Quantity 0.001 -Price 50000 -Confirm:$false } | Should -Throw -ExpectedMessage '*not an order type*'
        Get-SimRequestLog -Simulator $sim -Path $api.Order | Should -BeNullOrEmpty
    }
}

Describe 'Stop-BingXOpenOrder on several symbols: per-symbol progress' {
    # Invoke-CapturedCommand keeps the Progress stream (the test's own host does not); the connection is process-wide.
    It 'writes one progress record per symbol, then completes' {
        $account = New-ConnectedSimAccount $sim
        foreach ($symbol in 'BTC-USDT', 'ETH-USDT', 'SOL-USDT') {
            $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol $symbol -Side BUY -Price '1' -Quantity '1'
        }
        $run = Invoke-CapturedCommand -Command 'Stop-BingXOpenOrder -Symbol BTC-USDT, ETH-USDT, SOL-USDT -Force'
        $progress = @($run.Progress | Where-Object Activity -EQ 'Cancelling open orders')

        $run.Output | Should -HaveCount 3
        @($progress | Where-Object RecordType -EQ 'Processing' | ForEach-Object StatusDescription) |
            Should -Be @('BTC-USDT (1 of 3)', 'ETH-USDT (2 of 3)', 'SOL-USDT (3 of 3)')
        $progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'writes no progress for one symbol' {
        $account = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '1' -Quantity '1'
        $run = Invoke-CapturedCommand -Command 'Stop-BingXOpenOrder -Symbol BTC-USDT -Force'

        # The command ran and cancelled: no progress is then a result, not a run that never started.
        $run.Error | Should -BeNullOrEmpty
        $run.Output | Should -HaveCount 1
        $run.Progress | Where-Object Activity -EQ 'Cancelling open orders' | Should -BeNullOrEmpty
    }
}

Describe 'The rate limiter caps how long a slow answer holds the key' {
    It 'with one answer delayed 8 s, 4 runspaces'' cancels go about 3 s (the cap) + 1 s (the window) after it was sent, not after its answer' {
        $account = New-SimAccount -Simulator $sim
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        Clear-SimRequestLog $sim
        # Carried out at once, answered 8 s later: the exchange has it, the client does not know.
        $null = Add-SimFault -Simulator $sim -Kind delay -DelayMs 8000 -AfterProcessing -Path $api.CancelAll -Count 1

        # Runspace 1 sends the slow request; 2, 3 and 4 follow while it is in flight (cancel-all: 2 per second per key).
        $results = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $env:BINGX_MODULE_PATH
            if ($_ -gt 1) { Start-Sleep -Milliseconds (300 + 100 * $_) }
            $null = Stop-BingXOpenOrder -Symbol ('BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'XRP-USDT')[$_ - 1] -Force -TimeoutSec 30
            [pscustomobject] @{ Runspace = $_; Done = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() }
        }

        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll | Sort-Object time)
        $log | Should -HaveCount 4
        $slow = $log | Where-Object fault -EQ 'delay'
        $slow | Should -HaveCount 1
        $others = @($log | Where-Object seq -NE $slow.seq)
        # The guarantee: never more than 2 in a window. The third waited for the slow one to count as arrived,
        # at the cap (3 s after it was sent), then a window: not for its answer (8 s).
        $third = $others[1].time - $slow.time
        $third | Should -BeGreaterOrEqual 3900 -Because 'the cap (3 s) plus the window (1 s) after the slow request'
        $third | Should -BeLessThan 8000 -Because 'the slow answer (8 s) no longer holds the others'
        $others[2].time - $slow.time | Should -BeLessThan 8000
        # And the slow one's runspace still got its answer.
        @($results | Sort-Object Runspace)[0].Done | Should -BeGreaterThan ($others[2].time)
    }
}

Describe 'Building any of our errors in a mock: [BingX.PowerShell.BingXErrorRecord]' {
    It 'every ErrorId of the module builds, with the module''s exception type and category, matching the wildcard form' {
        # As a Pester user would write it, in a fresh pwsh with only BingX and Pester.
        $userTests = Join-Path $TestDrive 'user'
        $null = New-Item -ItemType Directory -Path $userTests
        Set-Content -Path (Join-Path $userTests 'Errors.Tests.ps1') -Value @'
BeforeDiscovery { Import-Module BingX }
BeforeAll { Import-Module BingX }
Describe 'BingX errors in a mock' {
    It '<_>' -ForEach ([BingX.PowerShell.BingXErrorIds].GetFields() | Where-Object IsLiteral | ForEach-Object { $_.GetValue($null) }) {
        $id = $_
        function Invoke-Thing { [CmdletBinding()] param() Get-BingXBalance }
        Mock Get-BingXBalance { throw [BingX.PowerShell.BingXErrorRecord]::new($id, 'what went wrong', @{ Command = 'Get-BingXBalance'; Target = 'USDT' }) }
        $err = { Invoke-Thing } | Should -Throw -ErrorId "$id,*" -PassThru
        ($err.FullyQualifiedErrorId -split ',')[0] | Should -BeExactly $id
        $err.Exception.Message | Should -Match 'what went wrong'
        $err.TargetObject | Should -Be 'USDT'
        $err.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
    }
    It 'a rate limit carries RetryAfter and is a BingXRateLimitedException' {
        $record = [BingX.PowerShell.BingXErrorRecord]::new('BingXRateLimited', 'rate limited', @{ RetryAfter = '2030-01-01T00:00:00Z' })
        $record.Exception | Should -BeOfType ([BingX.PowerShell.BingXRateLimitedException])
        $record.Exception.RetryAfter | Should -Be ([DateTimeOffset] '2030-01-01T00:00:00Z')
        $record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $record.FullyQualifiedErrorId | Should -BeExactly 'BingXRateLimited,BingX.PowerShell'
    }
    It 'a lost order answer carries OutcomeUnknown and the client order id' {
        $record = [BingX.PowerShell.BingXErrorRecord]::new('BingXOrderOutcomeUnknown', 'answer lost', @{ ClientOrderId = 'runbook_1' })
        $record.Exception.OutcomeUnknown | Should -BeTrue
        $record.Exception.ClientOrderId | Should -Be 'runbook_1'
    }
    It 'an unknown ErrorId is refused' {
        { [BingX.PowerShell.BingXErrorRecord]::new('BingXNoSuchThing', 'x') } | Should -Throw '*not one of the module*'
    }
}
'@
        $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
        $script = @"
Import-Module '$pester'
`$result = Invoke-Pester -Path '$userTests' -PassThru -Output None
"Passed=`$(`$result.PassedCount)"
"Failed=`$(`$result.FailedCount + `$result.FailedContainersCount)"
foreach (`$test in `$result.Failed) { "FailedTest=`$(`$test.ExpandedPath): `$(`$test.ErrorRecord -join ' ')" }
"@
        $run = Invoke-ChildPwsh -Command $script -IsolatedHome (Join-Path $TestDrive 'user-home') -TimeoutSec 120 -Environment @{
            PSModulePath = Split-Path $env:BINGX_MODULE_PATH -Parent
        }
        $ids = @([BingX.PowerShell.BingXErrorIds].GetFields() | Where-Object IsLiteral)
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $run.StdOut | Should -Match 'Failed=0\b' -Because $run.StdOut
        $run.StdOut | Should -Match "Passed=$($ids.Count + 3)\b" -Because $run.StdOut
    }
}

Describe 'Where the rules are written' {
    It 'about_BingX states the rate limiter''s hold cap' {
        $about = Get-Help about_BingX | Out-String
        $about | Should -Match 'unanswered 3\s+seconds after it was sent counts as having arrived'
    }

    It 'the CHANGELOG names every cmdlet' {
        $changelog = Get-Content -Raw (Join-Path $PSScriptRoot '../../CHANGELOG.md')
        foreach ($name in (Get-Command -Module BingX).Name) { $changelog | Should -Match "``$name``" -Because 'the CHANGELOG names all cmdlets' }
    }
}
