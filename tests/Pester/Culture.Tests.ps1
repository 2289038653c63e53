# The module under de-DE (decimal comma) and tr-TR (where 'i'.ToUpper() is 'İ' and 'I'.ToLower() is 'ı').
# 1. The suite's representative cases (tagged Core) run again in two child processes started in those cultures.
# 2. The known traps are checked here too, with the culture set around each case.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers Reliability, ChildProcess
}

AfterAll {
    Stop-ModuleTest
}

Describe 'The culture the tests run in' -Tag Core {
    It 'is the one the culture run asked for' {
        if (-not $env:BINGX_EXPECTED_CULTURE) {
            Set-ItResult -Skipped -Because 'this probe means something only inside a culture run'
            return
        }
        [cultureinfo]::CurrentCulture.Name | Should -Be $env:BINGX_EXPECTED_CULTURE
        [cultureinfo]::CurrentUICulture.Name | Should -Be $env:BINGX_EXPECTED_CULTURE
        # Proof that culture rules apply (ICU is present), not just the name.
        switch ($env:BINGX_EXPECTED_CULTURE) {
            'tr-TR' { 'i'.ToUpper() | Should -BeExactly ([string] [char] 0x130) }
            'de-DE' { (1.5).ToString() | Should -Be '1,5' }
        }
    }
}

Describe 'Culture traps (<_>)' -Tag Core -ForEach 'de-DE', 'tr-TR' {
    BeforeAll {
        $culture = [cultureinfo]::GetCultureInfo($_)
        $account = New-SimAccount -Simulator $sim
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
    }
    BeforeEach {
        $previous = [cultureinfo]::CurrentCulture, [cultureinfo]::CurrentUICulture
        [cultureinfo]::CurrentCulture = $culture
        [cultureinfo]::CurrentUICulture = $culture
        Clear-SimRequestLog $sim
    }
    AfterEach {
        [cultureinfo]::CurrentCulture, [cultureinfo]::CurrentUICulture = $previous
        Clear-SimFault $sim
    }

    It 'a lower-case symbol with an i is upper-cased the invariant way (LINK-USDT, never LİNK-USDT)' {
        $errors = @()
        $null = Get-BingXOpenOrder -Symbol 'link-usdt' -ErrorVariable errors -ErrorAction SilentlyContinue
        # The simulator does not list LINK-USDT: its "symbol not exist" proves the request was sent, so the
        # validator accepted the normalised name.
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'BingXSymbolNotFound,*'
        $errors[0].Exception.InnerException.Code | Should -Be 100204
        (Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders)[0].query | Should -Match '(^|&)symbol=LINK-USDT&'
    }

    It 'lower-case symbols cancel on the right symbol' {
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Price '2500.25' -Quantity '0.5'
        $cancelled = Stop-BingXOpenOrder -Symbol 'eth-usdt' -Force
        $cancelled.Symbol | Should -BeExactly 'ETH-USDT'
        (Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)[0].query | Should -Match '(^|&)symbol=ETH-USDT&'
    }

    It 'prices, quantities and ids come back exact' {
        $seeded = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol GM-USDT -Side SELL -Price '0.00000398' -Quantity '8061558' -ClientOrderId 'culture_check'
        $order = @(Get-BingXOpenOrder -Symbol GM-USDT)[0]
        $order.OrderId | Should -Be ([long] $seeded[0].orderId)
        $order.OrderId | Should -BeGreaterThan 9007199254740992
        $order.Price | Should -Be ([decimal]::Parse('0.00000398', [cultureinfo]::InvariantCulture))
        $order.OrigQty | Should -Be ([decimal] 8061558)
        $order.ClientOrderId | Should -BeExactly 'culture_check'
        $null = Stop-BingXOpenOrder -Symbol GM-USDT -Force
    }

    It 'timestamps and the receive window go out as plain digits' {
        $null = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -RecvWindow 7000
        $query = (Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)[0].query
        $query | Should -Match '(^|&)timestamp=\d{13}&'
        $query | Should -Match '(^|&)recvWindow=7000&'
    }

    It 'a 100410 unblock time is read exactly' {
        $until = [DateTimeOffset]::UtcNow.AddMinutes(10).ToUnixTimeMilliseconds()
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100410 -Msg "over 20 error code:100202 requests within 480000 ms for this api, please verify and fix it ,can retry after time: $until"
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXRateLimited,*'
        $err.Exception.RetryAfter.ToUnixTimeMilliseconds() | Should -Be $until
    }

    It 'the timestamp form of 100421 is still recognised (a case-insensitive match that tr-TR must not break)' {
        $null = Add-SimFault -Simulator $sim -Path $api.CancelAll -Kind business -Code 100421 -Msg 'NULL TIMESTAMP OR TIMESTAMP MISMATCH'
        $null = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll).code | Should -Be @(100421, 0)
    }
}

Describe 'The suite''s core cases in other cultures' {
    # Both cultures at once, each in its own pwsh started in that culture; each run starts its own simulators.
    BeforeAll {
        $pester = (Get-Module Pester).Path -replace '\.psm1$', '.psd1'
        $runner = Join-Path $PSScriptRoot 'TestHelpers/Invoke-CultureRun.ps1'
        # Transport faults are bytes and status codes, the same in every culture: Reliability.Faults is left out.
        $files = @('StopBingXOpenOrder', 'Reliability.Clock', 'Reliability.RateLimit', 'Culture') |
            ForEach-Object { Join-Path $PSScriptRoot "$_.Tests.ps1" }
        $work = Join-Path ([IO.Path]::GetTempPath()) ('BingXCulture' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $work

        $runs = foreach ($culture in 'de-DE', 'tr-TR') {
            $locale = ($culture -replace '-', '_') + '.UTF-8'
            $arguments = @('-File', $runner, '-Culture', $culture, '-PesterManifest', $pester, '-ResultPath', (Join-Path $work "$culture.json"), '-Path', ($files -join ','))
            [pscustomobject] @{ Culture = $culture; Child = Start-ChildProcess (New-ChildStartInfo -ArgumentList $arguments -Environment @{ LANG = $locale; LC_ALL = $locale }) }
        }
        $results = @{}
        foreach ($run in $runs) {
            $finished = Wait-ChildProcess $run.Child -TimeoutSec 240
            $resultPath = Join-Path $work "$($run.Culture).json"
            $results[$run.Culture] = if (Test-Path $resultPath) { Get-Content -Raw $resultPath | ConvertFrom-Json } else { $null }
            # Without colour codes: they are not valid in the test-result XML.
            $run | Add-Member -NotePropertyName Text -NotePropertyValue (($finished.StdOut + $finished.StdErr) -replace '\x1b\[[0-9;]*m', '')
        }
    }
    AfterAll {
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'under <_>: every core case passed' -ForEach 'de-DE', 'tr-TR' {
        $result = $results[$_]
        $text = ($runs | Where-Object Culture -EQ $_).Text
        $result | Should -Not -BeNullOrEmpty -Because "the run must finish and report: $text"
        $result.Culture | Should -Be $_
        Write-Host "Core cases under ${_}: $($result.Passed) passed, $($result.Failed) failed, $($result.Skipped) skipped"
        $result.Failed | Should -Be 0 -Because ($result.Failures -join "`n")
        $result.Passed | Should -BeGreaterOrEqual 40 -Because 'the Core-tagged cases (46 when written) must all run'
        $result.Skipped | Should -Be 0 -Because 'the culture probe must run, not be skipped'
    }
}
