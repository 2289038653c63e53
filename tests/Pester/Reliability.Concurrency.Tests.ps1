# Parallel runbooks: 8 runspaces of one process share one API key and hammer cancel-all (2/s per UID on BingX).
# The module's limiter is process-wide, so together they must draw no 100410 and still use the whole allowance.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers Reliability
    $documentedPerSecond = 2
}

AfterAll {
    Stop-ModuleTest
}

Describe '8 runspaces sharing one API key hammer cancel-all on several symbols' -Tag Concurrency {
    BeforeAll {
        $account = New-SimAccount -Simulator $sim
        $symbols = 'BTC-USDT', 'ETH-USDT', 'SOL-USDT', 'XRP-USDT'
        foreach ($symbol in $symbols) {
            $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol $symbol -Side SELL -Price '999999' -Quantity '0.01' -Count 3
        }
        # One connection for the process: the runspaces use it without connecting themselves.
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        Clear-SimRequestLog $sim

        # All start together once every runspace has imported the module; new calls stop after the deadline.
        $startAt = [DateTimeOffset]::UtcNow.AddSeconds(2)
        $stopIssuingAt = $startAt.AddSeconds(4.5)
        $runspaces = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            # Same assembly as the test's, so the same process-wide limiter.
            Import-Module $env:BINGX_MODULE_PATH
            $symbols = $using:symbols
            $mine = @($symbols[$_ % $symbols.Count], $symbols[($_ + 1) % $symbols.Count])
            while ([DateTimeOffset]::UtcNow -lt $using:startAt) { Start-Sleep -Milliseconds 5 }
            $calls = 0
            $failures = [System.Collections.Generic.List[object]]::new()
            do {
                $null = Stop-BingXOpenOrder -Symbol $mine -Force -ErrorVariable failed -ErrorAction SilentlyContinue
                $calls++
                foreach ($record in $failed) { $failures.Add($record.FullyQualifiedErrorId) }
            } while ([DateTimeOffset]::UtcNow -lt $using:stopIssuingAt)
            [pscustomobject] @{ Runspace = $_; Calls = $calls; Failures = @($failures); Symbols = $mine.Count }
        }
        $log = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll | Sort-Object seq)
        $times = @($log.time)
        # Pairs of requests two apart: at the limit they are one window apart, however the requests interleave.
        $gaps = @(for ($i = $documentedPerSecond; $i -lt $times.Count; $i++) { $times[$i] - $times[$i - $documentedPerSecond] })
        $ratePerSecond = 1000 * $documentedPerSecond / ($gaps | Measure-Object -Average).Average
        $span = ($times[-1] - $times[0]) / 1000
        Write-Host ("Parallel cancel-all: {0} requests from {1} runspaces ({2} calls) in {3:0.00} s; 100410 answers: {4}; rate {5:0.000}/s (documented {6}/s); smallest 2-apart gap {7} ms" -f
            $log.Count, $runspaces.Count, ($runspaces.Calls | Measure-Object -Sum).Sum, $span,
            @($log | Where-Object code -EQ 100410).Count, $ratePerSecond, $documentedPerSecond, ($gaps | Measure-Object -Minimum).Minimum)
    }

    It 'every runspace ran and every call succeeded' {
        $runspaces | Should -HaveCount 8
        $runspaces | ForEach-Object { $_.Calls | Should -BeGreaterThan 0; $_.Failures | Should -BeNullOrEmpty }
        $log | Should -HaveCount (($runspaces | ForEach-Object { $_.Calls * $_.Symbols } | Measure-Object -Sum).Sum)
        (Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).orders.status | Sort-Object -Unique | Should -Be 'CANCELED'
    }

    It 'draws zero 100410 answers' {
        $log | Where-Object code -EQ 100410 | Should -BeNullOrEmpty
        $log | Where-Object code -NE 0 | Should -BeNullOrEmpty
    }

    It 'never has more than 2 cancel-all requests in any rolling second' {
        $gaps | Where-Object { $_ -lt 1000 } | Should -BeNullOrEmpty
    }

    It 'keeps within 10% of the documented 2 requests per second' {
        $log.Count | Should -BeGreaterOrEqual 12 -Because 'the rate needs enough requests to mean something'
        $ratePerSecond | Should -BeGreaterOrEqual (0.9 * $documentedPerSecond)
        $ratePerSecond | Should -BeLessOrEqual (1.1 * $documentedPerSecond)
    }
}
