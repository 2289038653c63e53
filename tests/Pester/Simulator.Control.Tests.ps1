# The simulator's control API (/_sim): input checks, every fault kind, the request log, clock and prices.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psd1') -Force
    $api = Get-SpotApiPath
    $sim = Start-TestSimulator -NoRateLimits
    $client = [System.Net.Http.HttpClient]::new()


    # The control API's raw answer (status and parsed body), for asserting on refusals.
    function Invoke-RawControl([string] $Method, [string] $Path, [string] $Body) {
        $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), "$($sim.BaseUri.AbsoluteUri.TrimEnd('/'))$Path")
        if ($null -ne $Body) { $request.Content = [System.Net.Http.StringContent]::new($Body, [Text.Encoding]::UTF8, 'application/json') }
        $response = $client.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        [pscustomobject] @{ StatusCode = [int] $response.StatusCode; Json = ($text | ConvertFrom-Json); Body = $text }
    }

    function Send([string] $Method, [string] $Path, [System.Collections.IDictionary] $Parameters = ([ordered] @{})) {
        Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method $Method -Path $Path -Parameters $Parameters
    }
}

AfterAll {
    Stop-TestSimulator $sim
    $client.Dispose()
}

Describe 'control API' {
    BeforeEach {
        Reset-Simulator $sim
    }

    It 'answers health' {
        (Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/health').ok | Should -BeTrue
    }

    It 'creates an account with its own uid and shows it' {
        $first = New-SimAccount -Simulator $sim -Balances @{ USDT = '12.50' } -Permissions Read -IpWhitelist '10.1.2.3'
        $second = New-SimAccount -Simulator $sim
        $first.Uid | Should -Not -Be $second.Uid
        $first.ApiKey | Should -Match '^[A-Za-z0-9]{64}$'
        $first.Credential.UserName | Should -Be $first.ApiKey
        $first.Credential.GetNetworkCredential().Password | Should -Be $first.SecretKey
        $view = Get-SimAccount -Simulator $sim -ApiKey $first.ApiKey
        $view.uid | Should -Be $first.Uid
        $view.balances | Should -HaveCount 1
        $view.balances[0].free | Should -Be '12.5'
        $view.permissions | Should -Be @('Read')
        $view.ipWhitelist | Should -Be @('10.1.2.3')
    }

    It 'sets balances' {
        $account = New-SimAccount -Simulator $sim
        $null = Set-SimBalance -Simulator $sim -ApiKey $account.ApiKey -Balances @{ BTC = '0.25' }
        ((Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).balances | Where-Object asset -EQ 'BTC').free | Should -Be '0.25'
    }

    It 'seeds orders in the openOrders shape, locking funds on top of the balance' {
        $account = New-SimAccount -Simulator $sim
        $orders = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol 'ETH-USDT' -Side SELL -Price '2500.10' -Quantity '0.5' -ClientOrderId 'seed' -Count 2
        $orders | Should -HaveCount 2
        $orders.clientOrderID | Should -Be @('seed_1', 'seed_2')
        $orders[0].PSObject.Properties.Name | Should -Contain 'StopPrice'
        $orders[0].price | Should -Be '2500.10'
        $eth = (Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).balances | Where-Object asset -EQ 'ETH'
        [decimal] $eth.locked | Should -Be 1
        [decimal] $eth.free | Should -Be 0
    }

    It 'seeds a LIMIT order without a price at the market price, and orders in a final status without a lock' {
        $account = New-SimAccount -Simulator $sim
        $null = Set-SimPrice -Simulator $sim -Symbol 'SOL-USDT' -Price '101.5'
        (Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol 'SOL-USDT' -Side BUY -Quantity '2').price | Should -Be '101.5'
        (Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol 'SOL-USDT' -Side BUY -Quantity '2' -Status FILLED).executedQty | Should -Be '2'
        $usdt = (Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).balances | Where-Object asset -EQ 'USDT'
        [decimal] $usdt.locked | Should -Be 203
    }

    It 'sets prices and returns all of them' {
        $prices = Set-SimPrice -Simulator $sim -Prices @{ 'BTC-USDT' = '65000'; 'GM-USDT' = '0.00000401' }
        $prices.'BTC-USDT' | Should -Be '65000'
        $prices.'GM-USDT' | Should -Be '0.00000401'
        $prices.'ETH-USDT' | Should -Not -BeNullOrEmpty
    }

    It 'fixes, offsets and restores the server clock' {
        Set-SimClock -Simulator $sim -FixedTimeMs 1702721320676 | Should -Be 1702721320676
        Start-Sleep -Milliseconds 20
        (Invoke-SignedSimRequest -Simulator $sim -Method GET -Path $api.ServerTime -NoSignature -NoTimestamp).Json.data.serverTime | Should -Be 1702721320676
        $local = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
        $offset = Set-SimClock -Simulator $sim -OffsetMs 30000
        ($offset - $local - 30000) | Should -BeLessThan 1000
        $real = Set-SimClock -Simulator $sim -Real
        [math]::Abs($real - [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()) | Should -BeLessThan 1000
    }

    It 'resets accounts, faults, the log, the clock and the settings' {
        $account = New-SimAccount -Simulator $sim
        $null = Add-SimFault -Simulator $sim -Kind status -Status 500
        $null = Set-SimClock -Simulator $sim -FixedTimeMs 1702721320676
        $null = Set-SimSetting -Simulator $sim -RateLimits $true
        $null = Invoke-SignedSimRequest -Simulator $sim -Method GET -Path $api.ServerTime -NoSignature -NoTimestamp
        Reset-Simulator $sim
        { Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey } | Should -Throw '*404*'
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
        (Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/faults').faults | Should -BeNullOrEmpty
        (Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/settings').rateLimits | Should -BeFalse -Because 'this simulator started with --no-rate-limits'
        [math]::Abs((Set-SimClock -Simulator $sim -Real) - [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()) | Should -BeLessThan 1000
    }

    It 'refuses <Case> with <Status> and an error text' -ForEach @(
        @{ Case = 'a body that is not JSON'; Method = 'POST'; Path = '/_sim/accounts'; Body = '{oops'; Status = 400 }
        @{ Case = 'a body that is not an object'; Method = 'POST'; Path = '/_sim/accounts'; Body = '[1]'; Status = 400 }
        @{ Case = 'an account without secretKey'; Method = 'POST'; Path = '/_sim/accounts'; Body = '{"apiKey":"k"}'; Status = 400 }
        @{ Case = 'an unknown property'; Method = 'POST'; Path = '/_sim/accounts'; Body = '{"apiKey":"k","secretKey":"s","balance":{}}'; Status = 400 }
        @{ Case = 'an unknown permission'; Method = 'POST'; Path = '/_sim/accounts'; Body = '{"apiKey":"k","secretKey":"s","permissions":["Withdraw"]}'; Status = 400 }
        @{ Case = 'a whitelist entry that is not an IP'; Method = 'POST'; Path = '/_sim/accounts'; Body = '{"apiKey":"k","secretKey":"s","ipWhitelist":["home"]}'; Status = 400 }
        @{ Case = 'a balance that is not a number'; Method = 'POST'; Path = '/_sim/accounts'; Body = '{"apiKey":"k","secretKey":"s","balances":{"USDT":"lots"}}'; Status = 400 }
        @{ Case = 'an unknown account'; Method = 'GET'; Path = '/_sim/accounts/nobody'; Body = $null; Status = 404 }
        @{ Case = 'a seed for an unknown account'; Method = 'POST'; Path = '/_sim/accounts/nobody/orders'; Body = '{}'; Status = 404 }
        @{ Case = 'rateLimits that is not a boolean'; Method = 'POST'; Path = '/_sim/settings'; Body = '{"rateLimits":"yes"}'; Status = 400 }
        @{ Case = 'a negative disabled period'; Method = 'POST'; Path = '/_sim/settings'; Body = '{"disabledPeriodMs":-1}'; Status = 400 }
        @{ Case = 'a price for an unknown symbol'; Method = 'POST'; Path = '/_sim/prices'; Body = '{"NOPE-USDT":"1"}'; Status = 400 }
        @{ Case = 'a zero price'; Method = 'POST'; Path = '/_sim/prices'; Body = '{"BTC-USDT":"0"}'; Status = 400 }
        @{ Case = 'both clock settings'; Method = 'POST'; Path = '/_sim/clock'; Body = '{"offsetMs":1,"fixedTimeMs":2}'; Status = 400 }
        @{ Case = 'a fault of an unknown kind'; Method = 'POST'; Path = '/_sim/faults'; Body = '{"kind":"explode"}'; Status = 400 }
        @{ Case = 'a business fault without code'; Method = 'POST'; Path = '/_sim/faults'; Body = '{"kind":"business"}'; Status = 400 }
        @{ Case = 'a status fault without status'; Method = 'POST'; Path = '/_sim/faults'; Body = '{"kind":"status"}'; Status = 400 }
        @{ Case = 'a delay fault without delayMs'; Method = 'POST'; Path = '/_sim/faults'; Body = '{"kind":"delay"}'; Status = 400 }
        @{ Case = 'a fault path outside /openApi'; Method = 'POST'; Path = '/_sim/faults'; Body = '{"kind":"malformed","path":"/_sim/health"}'; Status = 400 }
        @{ Case = 'a fault count of 0'; Method = 'POST'; Path = '/_sim/faults'; Body = '{"kind":"malformed","count":0}'; Status = 400 }
        @{ Case = 'a fill of an order id that is not a number'; Method = 'POST'; Path = '/_sim/orders/abc/fill'; Body = $null; Status = 400 }
        @{ Case = 'a fill of an unknown order'; Method = 'POST'; Path = '/_sim/orders/42/fill'; Body = $null; Status = 404 }
        @{ Case = 'an unknown route'; Method = 'GET'; Path = '/_sim/nothing'; Body = $null; Status = 404 }
        @{ Case = 'a wrong method'; Method = 'DELETE'; Path = '/_sim/accounts'; Body = $null; Status = 405 }
    ) {
        $answer = Invoke-RawControl $Method $Path $Body
        $answer.StatusCode | Should -Be $Status
        $answer.Json.error | Should -Not -BeNullOrEmpty
    }

    It 'refuses a duplicate apiKey with 409' {
        $account = New-SimAccount -Simulator $sim
        $answer = Invoke-RawControl POST '/_sim/accounts' (@{ apiKey = $account.ApiKey; secretKey = 'x' } | ConvertTo-Json)
        $answer.StatusCode | Should -Be 409
        $answer.Json.error | Should -Match 'exists'
    }

    It 'refuses a seed order with invalid fields' {
        $account = New-SimAccount -Simulator $sim
        { Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol 'NOPE-USDT' -Side BUY -Price 1 } | Should -Throw '*400*unknown symbol*'
        { Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol 'BTC-USDT' -Side BUY -Type TRIGGER_MARKET } | Should -Throw '*400*stopPrice*'
        { Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol 'BTC-USDT' -Side BUY -Quantity 0 } | Should -Throw '*400*quantity*'
    }

    It 'refuses to fill an order that is no longer open with 409' {
        $account = New-SimAccount -Simulator $sim
        $order = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol 'BTC-USDT' -Side BUY -Price '40000' -Quantity '0.001' -Status CANCELED
        { Complete-SimOrder -Simulator $sim -OrderId $order.orderId } | Should -Throw '*409*'
    }
}

Describe 'faults' {
    BeforeEach {
        Reset-Simulator $sim
        $account = New-SimAccount -Simulator $sim -Balances @{ USDT = '1000' }
        $order = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol 'BTC-USDT' -Side BUY -Price '40000' -Quantity '0.001'
        function Test-StillOpen { (Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).orders[0].status -eq 'PENDING' }
    }

    It 'delay: waits, then answers normally' {
        $null = Add-SimFault -Simulator $sim -Kind delay -DelayMs 400 -Path $api.OpenOrders
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $answer = Send GET $api.OpenOrders
        $clock.ElapsedMilliseconds | Should -BeGreaterOrEqual 380
        $answer.Json.code | Should -Be 0
    }

    It 'status: answers that HTTP status with a text body and does not process the request' -ForEach @(
        @{ Status = 500 }, @{ Status = 502 }, @{ Status = 503 }, @{ Status = 429 }, @{ Status = 403 }, @{ Status = 418 }
    ) {
        $null = Add-SimFault -Simulator $sim -Kind status -Status $Status -Path $api.CancelAll
        $answer = Send POST $api.CancelAll
        $answer.StatusCode | Should -Be $Status
        $answer.Json | Should -BeNullOrEmpty
        $answer.Body | Should -Match "^$Status "
        Test-StillOpen | Should -BeTrue
    }

    It 'html: answers an nginx error page, 502 by default' {
        $null = Add-SimFault -Simulator $sim -Kind html
        $answer = Send POST $api.CancelAll
        $answer.StatusCode | Should -Be 502
        $answer.Body | Should -Match '<center><h1>502 Bad Gateway</h1></center>'
        $answer.Body | Should -Match 'nginx'
        $null = Add-SimFault -Simulator $sim -Kind html -Status 504
        (Send POST $api.CancelAll).StatusCode | Should -Be 504
        Test-StillOpen | Should -BeTrue
    }

    It 'malformed: HTTP 200 with a body that is not JSON' {
        $null = Add-SimFault -Simulator $sim -Kind malformed
        $answer = Send GET $api.OpenOrders
        $answer.StatusCode | Should -Be 200
        $answer.Json | Should -BeNullOrEmpty
        { $answer.Body | ConvertFrom-Json } | Should -Throw
    }

    It 'truncated: HTTP 200 with JSON cut off halfway' {
        $null = Add-SimFault -Simulator $sim -Kind truncated -AfterProcessing
        $answer = Send GET $api.OpenOrders
        $full = Send GET $api.OpenOrders
        $answer.StatusCode | Should -Be 200
        $answer.Json | Should -BeNullOrEmpty
        $full.Body.StartsWith($answer.Body) | Should -BeTrue
        $answer.Body.Length | Should -Be ([math]::Floor($full.Body.Length / 2))
    }

    It 'drop: the connection breaks mid-response' {
        $null = Add-SimFault -Simulator $sim -Kind drop -Path $api.CancelAll
        { Send POST $api.CancelAll } | Should -Throw
        Test-StillOpen | Should -BeTrue
        (Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)[-1].fault | Should -Be 'drop'
    }

    It 'hangup: not a byte of an answer, then a clean close (FIN, not a reset); logged with status 0' -ForEach @(
        @{ AfterProcessing = $false; Carried = $false }
        @{ AfterProcessing = $true; Carried = $true }
    ) {
        $null = Add-SimFault -Simulator $sim -Kind hangup -Path $api.CancelAll -AfterProcessing:$AfterProcessing
        # Raw TCP: .NET's HttpClient would resend a body-less request after exactly this, hiding the fault.
        $query = "symbol=BTC-USDT&timestamp=$([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds())"
        $query += '&signature=' + (Get-SimSignature -SecretKey $account.SecretKey -Text $query)
        $tcp = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $sim.Port)
        try {
            $stream = $tcp.GetStream()
            $stream.ReadTimeout = 10000
            $request = [Text.Encoding]::ASCII.GetBytes("POST $($api.CancelAll)`?$query HTTP/1.1`r`nHost: 127.0.0.1`r`nX-BX-APIKEY: $($account.ApiKey)`r`nContent-Length: 0`r`n`r`n")
            $stream.Write($request, 0, $request.Length)
            $read = $stream.Read([byte[]]::new(4096), 0, 4096)
        }
        finally {
            $tcp.Dispose()
        }
        $read | Should -Be 0 -Because 'end of stream, before any byte of a status line'
        $entry = (Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)[-1]
        $entry.fault | Should -Be 'hangup'
        $entry.status | Should -Be 0
        Test-StillOpen | Should -Be (-not $Carried)
    }

    It 'business: answers the code with its documented wording' {
        $null = Add-SimFault -Simulator $sim -Kind business -Code 100413
        $answer = Send POST $api.CancelAll
        $answer.Json.code | Should -Be 100413
        $answer.Json.msg | Should -BeExactly 'Incorrect apiKey'
        $answer.Json.timestamp | Should -BeGreaterThan 0
        Test-StillOpen | Should -BeTrue
    }

    It 'business: answers a given msg' {
        $null = Add-SimFault -Simulator $sim -Kind business -Code 100503 -Msg 'The current system is busy'
        (Send POST $api.CancelAll).Json.msg | Should -BeExactly 'The current system is busy'
    }

    It 'business 100410: answers the <Variant> variant' -ForEach @(
        @{ Variant = 'rate'; Pattern = '^rate limited$' }
        @{ Variant = 'disabled'; Pattern = '^code:100410:The endpoint trigger frequency limit rule is currently in the disabled period and will be unblocked after \d{13}$' }
        @{ Variant = 'penalty'; Pattern = '^over 20 error code:100202 requests within 480000 ms for this api, please verify and fix it ,can retry after time: \d{13}$' }
    ) {
        $null = Add-SimFault -Simulator $sim -Kind business -Code 100410 -Variant $Variant
        $answer = Send POST $api.CancelAll
        $answer.Json.code | Should -Be 100410
        $answer.Json.msg | Should -Match $Pattern
    }

    It 'afterProcessing: carries the request out, then replaces the answer' {
        $null = Add-SimFault -Simulator $sim -Kind status -Status 504 -AfterProcessing
        (Send POST $api.CancelAll).StatusCode | Should -Be 504
        Test-StillOpen | Should -BeFalse
        (Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).orders[0].status | Should -Be 'CANCELED'
    }

    It 'afterProcessing drop: the write happened although the client saw a broken connection' {
        $null = Add-SimFault -Simulator $sim -Kind drop -AfterProcessing
        { Send POST $api.CancelAll } | Should -Throw
        Test-StillOpen | Should -BeFalse
    }

    It 'is used up after count matching requests and only hits its path' {
        $null = Add-SimFault -Simulator $sim -Kind status -Status 503 -Count 2 -Path $api.OpenOrders
        (Send POST $api.CancelAll).StatusCode | Should -Be 200
        (Send GET $api.OpenOrders).StatusCode | Should -Be 503
        (Send GET $api.OpenOrders).StatusCode | Should -Be 503
        (Send GET $api.OpenOrders).StatusCode | Should -Be 200
    }

    It 'applies to any /openApi path when none is given, and Clear-SimFault removes it' {
        $null = Add-SimFault -Simulator $sim -Kind status -Status 500 -Count 5
        (Invoke-SignedSimRequest -Simulator $sim -Method GET -Path $api.ServerTime -NoSignature -NoTimestamp).StatusCode | Should -Be 500
        (Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/faults').faults[0].count | Should -Be 4
        Clear-SimFault $sim
        (Send GET $api.OpenOrders).StatusCode | Should -Be 200
    }
}

Describe 'request log' {
    BeforeAll {
        Reset-Simulator $sim
        $account = New-SimAccount -Simulator $sim
    }

    It 'records method, path, raw query, headers, body, status, code, msg, apiKey and fault' {
        Clear-SimRequestLog $sim
        $answer = Send GET $api.OpenOrders ([ordered] @{ symbol = 'BTC-USDT' })
        $entry = @(Get-SimRequestLog -Simulator $sim)
        $entry | Should -HaveCount 1
        $entry = $entry[0]
        $entry.method | Should -Be 'GET'
        $entry.path | Should -BeExactly $api.OpenOrders
        $entry.query | Should -BeExactly ("symbol=BTC-USDT&timestamp=$(($answer.SignedText -split 'timestamp=')[1])&signature=$($answer.Signature)")
        $entry.headers.'X-BX-APIKEY' | Should -BeExactly $account.ApiKey
        $entry.body | Should -BeExactly ''
        $entry.status | Should -Be 200
        $entry.code | Should -Be 0
        $entry.msg | Should -BeExactly ''
        $entry.apiKey | Should -BeExactly $account.ApiKey
        $entry.fault | Should -BeNullOrEmpty
        $entry.seq | Should -BeGreaterThan 0
        $entry.time | Should -BeGreaterThan 1700000000000
    }

    It 'records the raw form body, error codes and messages' {
        Clear-SimRequestLog $sim
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey 'wrong' -Method POST -Path $api.CancelAll -Parameters ([ordered] @{ symbol = 'BTC-USDT' }) -InBody
        $entry = (Get-SimRequestLog -Simulator $sim)[0]
        $entry.body | Should -BeExactly ("symbol=BTC-USDT&timestamp=$(($answer.SignedText -split 'timestamp=')[1])&signature=$($answer.Signature)")
        $entry.query | Should -BeExactly ''
        $entry.headers.'Content-Type' | Should -Match 'application/x-www-form-urlencoded'
        $entry.code | Should -Be 100001
        $entry.msg | Should -BeExactly 'Signature verification failed due to signature mismatch'
    }

    It 'records 404 and 405 answers without a code, and the fault kind of faulted requests' {
        Clear-SimRequestLog $sim
        $null = Send GET '/openApi/spot/v1/nothing'
        $null = Send GET $api.CancelAll
        $null = Add-SimFault -Simulator $sim -Kind malformed
        $null = Send GET $api.OpenOrders
        $entries = Get-SimRequestLog -Simulator $sim
        $entries.status | Should -Be @(404, 405, 200)
        $entries[0].code | Should -BeNullOrEmpty
        $entries[2].fault | Should -Be 'malformed'
    }

    It 'stamps each request with its arrival time on the server clock' {
        Clear-SimRequestLog $sim
        $null = Send GET $api.OpenOrders
        Start-Sleep -Milliseconds 300
        $null = Send GET $api.OpenOrders
        $times = (Get-SimRequestLog -Simulator $sim).time
        ($times[1] - $times[0]) | Should -BeGreaterOrEqual 290
        $null = Set-SimClock -Simulator $sim -FixedTimeMs 1702721320676
        try {
            $null = Invoke-SignedSimRequest -Simulator $sim -Method GET -Path $api.ServerTime -NoSignature -NoTimestamp
            (Get-SimRequestLog -Simulator $sim)[-1].time | Should -Be 1702721320676
        }
        finally { $null = Set-SimClock -Simulator $sim -Real }
    }

    It 'filters by path, keeps arrival order, leaves out control calls and clears' {
        Clear-SimRequestLog $sim
        $null = Send GET $api.OpenOrders
        $null = Send POST $api.CancelAll
        $null = Send GET $api.OpenOrders
        $null = Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey
        $all = Get-SimRequestLog -Simulator $sim
        $all | Should -HaveCount 3
        $all.seq | Should -Be ($all.seq | Sort-Object)
        (Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders) | Should -HaveCount 2
        Clear-SimRequestLog $sim
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
    }
}
