# The simulator's rate limits: sliding 1000 ms windows per UID per endpoint, the disabled period after repeated
# violations, the 100202 penalty and the per-IP group limits. These need real time; windows are kept short.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psd1') -Force
    $api = Get-SpotApiPath
    $sim = Start-TestSimulator

    $disabledPattern = '^code:100410:The endpoint trigger frequency limit rule is currently in the disabled period and will be unblocked after (\d{13})$'
    $penaltyPattern = '^over 20 error code:100202 requests within 480000 ms for this api, please verify and fix it ,can retry after time: (\d{13})$'

    function Send([string] $Method, [string] $Path, $Account, [System.Collections.IDictionary] $Parameters = ([ordered] @{})) {
        Invoke-SignedSimRequest -Simulator $sim -ApiKey $Account.ApiKey -SecretKey $Account.SecretKey -Method $Method -Path $Path -Parameters $Parameters
    }

    function Get-ServerTime {
        [long] (Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/clock').serverTime
    }
}

AfterAll {
    Stop-TestSimulator $sim
}

Describe 'per-UID sliding windows' {
    BeforeEach {
        Reset-Simulator $sim
    }

    It 'refuses the 3rd cancelOpenOrders within 1000 ms with 100410 "rate limited", then admits again once the window has passed' {
        $account = New-SimAccount -Simulator $sim
        $clock = [Diagnostics.Stopwatch]::StartNew()
        (Send POST $api.CancelAll $account).Json.code | Should -Be 0
        # The exchange counted the first request before it answered: its window ends at most 1000 ms from now. (Timing
        # from before the send made this test flaky when the first request was slow to arrive: a cold connection.)
        $sinceFirstAnswered = [Diagnostics.Stopwatch]::StartNew()
        (Send POST $api.CancelAll $account).Json.code | Should -Be 0
        $third = Send POST $api.CancelAll $account
        $clock.ElapsedMilliseconds | Should -BeLessThan 900 -Because 'the test must send three requests inside one window'
        $third.StatusCode | Should -Be 200
        $third.Json.code | Should -Be 100410
        $third.Json.msg | Should -BeExactly 'rate limited'
        Start-Sleep -Milliseconds ([Math]::Max(0, 1050 - $sinceFirstAnswered.ElapsedMilliseconds))
        (Send POST $api.CancelAll $account).Json.code | Should -Be 0
    }

    It 'is a sliding window, not a fixed second: 2 at t=0, then still refused at t=0.6 s' {
        $account = New-SimAccount -Simulator $sim
        $clock = [Diagnostics.Stopwatch]::StartNew()
        (Send POST $api.CancelAll $account).Json.code | Should -Be 0
        (Send POST $api.CancelAll $account).Json.code | Should -Be 0
        # Past the 1000 ms mark of a fixed-second bucket started with the first request, still inside the sliding window.
        Start-Sleep -Milliseconds ([math]::Max(0, 600 - $clock.ElapsedMilliseconds))
        $third = Send POST $api.CancelAll $account
        $clock.ElapsedMilliseconds | Should -BeLessThan 950 -Because 'the third request must fall inside the window of the first'
        $third.Json.code | Should -Be 100410
    }

    It 'keeps UIDs and endpoints apart' {
        $first = New-SimAccount -Simulator $sim
        $second = New-SimAccount -Simulator $sim
        1..2 | ForEach-Object { (Send POST $api.CancelAll $first).Json.code | Should -Be 0 }
        (Send POST $api.CancelAll $first).Json.code | Should -Be 100410
        (Send POST $api.CancelAll $second).Json.code | Should -Be 0
        (Send GET $api.OpenOrders $first).Json.code | Should -Be 0
    }

    It 'admits <Limit> <Path> per second and refuses the next' -ForEach @(
        @{ Path = '/openApi/spot/v1/trade/openOrders'; Method = 'GET'; Limit = 10 }
        @{ Path = '/openApi/spot/v1/account/balance'; Method = 'GET'; Limit = 5 }
        @{ Path = '/openApi/spot/v1/trade/cancelOrders'; Method = 'POST'; Limit = 2; Parameters = [ordered] @{ orderIds = '1'; process = '1'; symbol = 'BTC-USDT' } }
        @{ Path = '/openApi/spot/v1/trade/cancel'; Method = 'POST'; Limit = 5; Parameters = [ordered] @{ orderId = '1'; symbol = 'BTC-USDT' } }
        @{ Path = '/openApi/spot/v1/trade/query'; Method = 'GET'; Limit = 10; Parameters = [ordered] @{ orderId = '1'; symbol = 'BTC-USDT' } }
        @{ Path = '/openApi/spot/v1/trade/order'; Method = 'POST'; Limit = 5; Parameters = [ordered] @{ price = '1'; quantity = '1'; side = 'BUY'; symbol = 'NOPE-USDT'; type = 'LIMIT' } }
    ) {
        $account = New-SimAccount -Simulator $sim
        $parameters = if ($Parameters) { $Parameters } else { [ordered] @{} }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $codes = for ($i = 0; $i -le $Limit; $i++) { (Send $Method $Path $account $parameters).Json.code }
        $clock.ElapsedMilliseconds | Should -BeLessThan 900
        @($codes | Select-Object -First $Limit) | Should -Not -Contain 100410
        $codes[-1] | Should -Be 100410
    }

    It 'does not count requests refused before the limiter (authentication errors)' {
        $account = New-SimAccount -Simulator $sim
        1..3 | ForEach-Object { (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey 'wrong' -Method POST -Path $api.CancelAll).Json.code | Should -Be 100001 }
        (Send POST $api.CancelAll $account).Json.code | Should -Be 0
    }

    It 'is off after Set-SimSetting -RateLimits $false and back on after a reset' {
        $account = New-SimAccount -Simulator $sim
        (Set-SimSetting -Simulator $sim -RateLimits $false).rateLimits | Should -BeFalse
        $codes = 1..8 | ForEach-Object { (Send POST $api.CancelAll $account).Json.code }
        $codes | Should -Not -Contain 100410
        Reset-Simulator $sim
        (Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/settings').rateLimits | Should -BeTrue
    }
}

Describe 'disabled period' {
    BeforeEach {
        Reset-Simulator $sim
    }

    It 'starts after 10 refusals within 10 s (the default) and names its end as a server epoch 30 s ahead' {
        $account = New-SimAccount -Simulator $sim
        $codes = 1..12 | ForEach-Object { (Send POST $api.CancelAll $account).Json.code }
        ($codes | Where-Object { $_ -eq 100410 }).Count | Should -Be 10
        $before = Get-ServerTime
        $answer = Send POST $api.CancelAll $account
        $answer.Json.code | Should -Be 100410
        $answer.Json.msg -match $disabledPattern | Should -BeTrue -Because $answer.Json.msg
        $until = [long] $Matches[1]
        ($until - $before) | Should -BeGreaterThan 25000
        ($until - $before) | Should -BeLessOrEqual 30000
    }

    It 'keeps refusing after the window passed, and ends when the server clock reaches the epoch' {
        $null = Set-SimSetting -Simulator $sim -ViolationsToDisable 2 -DisabledPeriodMs 60000
        $account = New-SimAccount -Simulator $sim
        1..4 | ForEach-Object { $null = Send POST $api.CancelAll $account }
        Start-Sleep -Milliseconds 1050
        $answer = Send POST $api.CancelAll $account
        $answer.Json.msg -match $disabledPattern | Should -BeTrue -Because $answer.Json.msg
        $until = [long] $Matches[1]
        (Send GET $api.OpenOrders $account).Json.code | Should -Be 0 -Because 'the period is for one endpoint'
        $null = Set-SimClock -Simulator $sim -OffsetMs ($until - (Get-ServerTime) + 1000)
        $after = Send POST $api.CancelAll $account -Parameters ([ordered] @{ timestamp = [string] (Get-ServerTime) })
        $after.Json.code | Should -Be 0 -Because $after.Body
    }
}

Describe '100202 penalty' {
    BeforeEach {
        Reset-Simulator $sim
    }

    It 'blocks trade/order with the documented 100410 after 20 insufficient-balance answers within 480 s' {
        $account = New-SimAccount -Simulator $sim -Balances @{ USDT = '1' }
        $order = [ordered] @{ price = '40000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }
        $firstAt = Get-ServerTime
        $codes = for ($i = 0; $i -lt 20; $i++) {
            (Send POST $api.Order $account $order).Json.code
            Start-Sleep -Milliseconds 205   # stay under 5/s
        }
        $codes | Should -Be (@(100202) * 20)
        $answer = Send POST $api.Order $account $order
        $answer.Json.code | Should -Be 100410
        $answer.Json.msg -match $penaltyPattern | Should -BeTrue -Because $answer.Json.msg
        $retryAfter = [long] $Matches[1]
        $retryAfter | Should -BeGreaterOrEqual ($firstAt + 480000)
        $retryAfter | Should -BeLessThan ($firstAt + 480000 + 2000)

        # Other endpoints of the same UID are not blocked; the block ends with the window (server clock).
        (Send GET $api.OpenOrders $account).Json.code | Should -Be 0
        $null = Set-SimClock -Simulator $sim -OffsetMs ($retryAfter - (Get-ServerTime) + 1000)
        Start-Sleep -Milliseconds 1000
        $after = Send POST $api.Order $account $order -Parameters ([ordered] @{ price = '40000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; timestamp = [string] (Get-ServerTime); type = 'LIMIT' })
        $after.Json.code | Should -Be 100202
    }
}

Describe 'per-IP group limits' {
    BeforeAll {
        $ipSim = Start-TestSimulator
    }

    AfterAll {
        Stop-TestSimulator $ipSim
    }

    It 'refuses the 501st public request within 10 s (group 1: 500 per IP)' {
        $client = [System.Net.Http.HttpClient]::new()
        try {
            $uri = "$($ipSim.BaseUri)openApi/spot/v1/server/time"
            $codes = for ($i = 0; $i -lt 501; $i++) {
                $text = $client.GetStringAsync($uri).GetAwaiter().GetResult()
                if ($text.StartsWith('{"code":0,')) { 0 } else { ($text | ConvertFrom-Json).code }
            }
        }
        finally { $client.Dispose() }
        @($codes | Select-Object -First 500 | Where-Object { $_ -ne 0 }) | Should -HaveCount 0
        $codes[500] | Should -Be 100410
    }
}

Describe '--no-rate-limits' {
    It 'starts with rate limits off' {
        $free = Start-TestSimulator -NoRateLimits
        try {
            (Invoke-SimControl -Simulator $free -Method GET -Path '/_sim/settings').rateLimits | Should -BeFalse
            $account = New-SimAccount -Simulator $free
            $codes = 1..6 | ForEach-Object { (Invoke-SignedSimRequest -Simulator $free -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll).Json.code }
            $codes | Should -Not -Contain 100410
        }
        finally { Stop-TestSimulator $free }
    }
}
