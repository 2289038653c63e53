# The simulator's authentication, signing and envelope: what every module request goes through first.
BeforeDiscovery {
    $vectorFile = Join-Path $PSScriptRoot '../data/signing-vectors.json'
    $vectors = (Get-Content -Raw $vectorFile | ConvertFrom-Json).vectors
    $signingCases = foreach ($vector in $vectors) {
        foreach ($transport in 'query', 'body') {
            foreach ($case in 'lower', 'upper') {
                @{ Vector = $vector; Transport = $transport; Case = $case; Note = $vector.note }
            }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psd1') -Force
    $api = Get-SpotApiPath
    $sim = Start-TestSimulator

    $authCodes = 100001, 100412, 100413, 100419, 100421, 80014, 100004
    $timestampMsg = 'Null timestamp or timestamp mismatch, try to run our sample code from the link https://bingx-api.github.io/docs/#/en-us/spot/account-api.html#Query%20Assets'

    function Split-SignedText([string] $Text) {
        $parameters = [ordered] @{}
        foreach ($pair in $Text -split '&') {
            $name, $value = $pair -split '=', 2
            $parameters[$name] = $value
        }
        return $parameters
    }

    function Get-VectorPath([string] $Text) {
        if ($Text -match 'orderIds=') { return $api.CancelMany }
        if ($Text -match 'type=') { return $api.Order }
        return $api.CancelAll
    }
}

AfterAll {
    Stop-TestSimulator $sim
}

Describe 'signing vectors' {
    BeforeEach {
        Reset-Simulator $sim
    }

    It 'accepts "<Note>" sent in the <Transport> with <Case> case hex' -ForEach $signingCases {
        $parameters = Split-SignedText $Vector.signed
        $null = Set-SimClock -Simulator $sim -FixedTimeMs ([long] $parameters.timestamp)
        $account = New-SimAccount -Simulator $sim -SecretKey $Vector.secret -Balances @{ USDT = '1000000' }
        Get-SimSignature -SecretKey $Vector.secret -Text $Vector.signed | Should -Be $Vector.signature

        $signature = if ($Case -eq 'upper') { $Vector.signature.ToUpperInvariant() } else { $Vector.signature }
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -Method POST -Path (Get-VectorPath $Vector.signed) `
            -Parameters $parameters -Signature $signature -InBody:($Transport -eq 'body')

        $answer.StatusCode | Should -Be 200
        # Past authentication: a business answer (100421 "cancel fail, order not exist" included) comes from the
        # service, never from the gateway (whose refusals carry a timestamp and no debugMsg).
        if ($answer.Json.code -ne 0) {
            $answer.Json.PSObject.Properties.Name | Should -Contain 'debugMsg' -Because $answer.Body
            $answer.Json.PSObject.Properties.Name | Should -Not -Contain 'timestamp' -Because $answer.Body
        }
        if ($answer.Json.code -ne 100421) {
            $answer.Json.code | Should -Not -BeIn $authCodes -Because $answer.Body
        }
        if ($parameters.symbol -eq 'ETHUSDT') {
            $answer.Json.code | Should -Be 100400 -Because 'a symbol without the hyphen is a business error'
        }
        elseif ($parameters.Contains('orderIds')) {
            # The vector's ids are not this simulator's: "cancel fail, order not exist" proves the signature passed.
            $answer.Json.code | Should -Be 100421 -Because $answer.Body
            $answer.Json.msg | Should -BeExactly 'cancel fail, order not exist'
        }
        else {
            $answer.Json.code | Should -Be 0 -Because $answer.Body
        }
    }

    It 'rejects a vector whose signature was altered by one digit' {
        $vector = @{ secret = 'TESTSECRET'; signed = 'symbol=BTC-USDT&timestamp=1702721320676'; signature = '1677d201040b3fb032e3bc22b7c22d36f5abba155ff3890bbaad40efe8574254' }
        $null = Set-SimClock -Simulator $sim -FixedTimeMs 1702721320676
        $account = New-SimAccount -Simulator $sim -SecretKey $vector.secret
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -Method POST -Path $api.CancelAll `
            -Parameters (Split-SignedText $vector.signed) -Signature ('0' + $vector.signature.Substring(1))
        $answer.Json.code | Should -Be 100001
    }

    It 'verifies the parameters in the order received: sorted signature, unsorted parameters fail' {
        $null = Set-SimClock -Simulator $sim -FixedTimeMs 1702721320676
        $account = New-SimAccount -Simulator $sim -SecretKey 'TESTSECRET'
        $unsorted = Split-SignedText 'symbol=BTC-USDT&recvWindow=5000&timestamp=1702721320676'
        $sortedSignature = '0d46a83c124bfcc7c3fde59fac9f8a3ca9735576c6dff6f5ac08774d462c7954'
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -Method POST -Path $api.CancelAll -Parameters $unsorted -Signature $sortedSignature
        $answer.Json.code | Should -Be 100001
    }

    It 'verifies over query string and form body together, query first' {
        $null = Set-SimClock -Simulator $sim -Real
        $account = New-SimAccount -Simulator $sim
        $timestamp = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
        $signed = "symbol=BTC-USDT&timestamp=$timestamp"
        $signature = Get-SimSignature -SecretKey $account.SecretKey -Text $signed
        $client = [System.Net.Http.HttpClient]::new()
        try {
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$($sim.BaseUri)openApi/spot/v1/trade/cancelOpenOrders?symbol=BTC-USDT")
            $request.Headers.Add('X-BX-APIKEY', $account.ApiKey)
            $request.Content = [System.Net.Http.StringContent]::new("timestamp=$timestamp&signature=$signature", [Text.Encoding]::UTF8, 'application/x-www-form-urlencoded')
            $body = $client.SendAsync($request).GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult()
        }
        finally { $client.Dispose() }
        ($body | ConvertFrom-Json).code | Should -Be 0 -Because $body
    }
}

Describe 'authentication errors' {
    BeforeAll {
        Reset-Simulator $sim
        $account = New-SimAccount -Simulator $sim
        $now = { [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() }
    }

    It 'answers 100413 "Incorrect apiKey" without the X-BX-APIKEY header' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll
        $answer.Json.code | Should -Be 100413
        $answer.Json.msg | Should -BeExactly 'Incorrect apiKey'
    }

    It 'answers 100413 for a key the exchange does not know' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey 'no-such-key' -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll
        $answer.Json.code | Should -Be 100413
    }

    It 'answers 100412 "Null signature" without a signature' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -Method POST -Path $api.CancelAll -NoSignature
        $answer.Json.code | Should -Be 100412
        $answer.Json.msg | Should -BeExactly 'Null signature'
    }

    It 'answers 100412 for an empty signature' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -Method POST -Path $api.CancelAll -Signature ''
        $answer.Json.code | Should -Be 100412
    }

    It 'answers 100421 with the documented wording without a timestamp' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll -NoTimestamp
        $answer.Json.code | Should -Be 100421
        $answer.Json.msg | Should -BeExactly $timestampMsg
    }

    It 'answers 80014 "timestamp is invalid" for a timestamp that is not a number: <Value>' -ForEach @(
        @{ Value = 'abc' }, @{ Value = '1702721320676.5' }, @{ Value = '-1702721320676' }, @{ Value = '99999999999999999999' }
    ) {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll `
            -Parameters ([ordered] @{ timestamp = $Value })
        $answer.Json.code | Should -Be 80014
        $answer.Json.msg | Should -BeExactly 'timestamp is invalid'
    }

    It 'answers 100421 for a timestamp older than the default recvWindow of 5000 ms' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll -Timestamp ((& $now) - 5600)
        $answer.Json.code | Should -Be 100421
        $answer.Json.msg | Should -BeExactly $timestampMsg
    }

    It 'accepts the same old timestamp inside a larger recvWindow' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method POST -Path $api.CancelAll `
            -Parameters ([ordered] @{ recvWindow = '10000'; timestamp = [string] ((& $now) - 5600) })
        $answer.Json.code | Should -Be 0 -Because $answer.Body
    }

    It 'answers 100421 for a timestamp more than 1000 ms ahead of the server, accepts 300 ms ahead' {
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.OpenOrders -Timestamp ((& $now) + 2000)).Json.code |
            Should -Be 100421
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.OpenOrders -Timestamp ((& $now) + 300)).Json.code |
            Should -Be 0
    }

    It 'follows the server clock, not the local one' {
        $serverTime = Set-SimClock -Simulator $sim -OffsetMs -60000
        try {
            (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.OpenOrders).Json.code | Should -Be 100421
            (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.OpenOrders -Timestamp $serverTime).Json.code | Should -Be 0
        }
        finally { $null = Set-SimClock -Simulator $sim -Real }
    }

    It 'accepts recvWindow up to 60000 and answers 100400 for <Value>' -ForEach @(@{ Value = '60001' }, @{ Value = 'abc' }, @{ Value = '0' }, @{ Value = '-5' }) {
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.OpenOrders `
            -Parameters ([ordered] @{ recvWindow = '60000' })).Json.code | Should -Be 0
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.OpenOrders `
            -Parameters ([ordered] @{ recvWindow = $Value })
        $answer.Json.code | Should -Be 100400
        $answer.Json.msg | Should -Match 'recvWindow'
    }

    It 'answers 100001 "Signature verification failed due to signature mismatch" for a wrong signature' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey 'another secret' -Method POST -Path $api.CancelAll
        $answer.Json.code | Should -Be 100001
        $answer.Json.msg | Should -BeExactly 'Signature verification failed due to signature mismatch'
    }

    It 'checks in the documented order: key, signature present, timestamp, signature valid' {
        (Invoke-SignedSimRequest -Simulator $sim -Method POST -Path $api.CancelAll -NoSignature -NoTimestamp).Json.code | Should -Be 100413
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -Method POST -Path $api.CancelAll -NoSignature -NoTimestamp).Json.code | Should -Be 100412
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -Method POST -Path $api.CancelAll -Signature 'bad' -NoTimestamp).Json.code | Should -Be 100421
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -Method POST -Path $api.CancelAll -Signature 'bad').Json.code | Should -Be 100001
    }

    It 'answers 100004 on trade POSTs for a key without Spot Trading, and lets it read' {
        $reader = New-SimAccount -Simulator $sim -Permissions Read
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $reader.ApiKey -SecretKey $reader.SecretKey -Method POST -Path $api.CancelAll
        $answer.Json.code | Should -Be 100004
        $answer.Json.msg | Should -Match 'Spot Trading'
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $reader.ApiKey -SecretKey $reader.SecretKey -Method GET -Path $api.OpenOrders).Json.code | Should -Be 0
    }

    It 'answers 100004 on reads for a key without Read' {
        $trader = New-SimAccount -Simulator $sim -Permissions SpotTrading
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $trader.ApiKey -SecretKey $trader.SecretKey -Method GET -Path $api.OpenOrders).Json.code | Should -Be 100004
    }

    It 'answers 100419 with the documented wording when the caller IP is not whitelisted' {
        $fenced = New-SimAccount -Simulator $sim -IpWhitelist '10.1.2.3'
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $fenced.ApiKey -SecretKey $fenced.SecretKey -Method POST -Path $api.CancelAll
        $answer.Json.code | Should -Be 100419
        $answer.Json.msg | Should -BeExactly 'IP does not match IP whitelist , please go to https://bingx.com/en/account/api/ to verify the ip you have set'
        $open = New-SimAccount -Simulator $sim -IpWhitelist '10.1.2.3', '127.0.0.1'
        (Invoke-SignedSimRequest -Simulator $sim -ApiKey $open.ApiKey -SecretKey $open.SecretKey -Method POST -Path $api.CancelAll).Json.code | Should -Be 0
    }
}

Describe 'envelope and routing' {
    BeforeAll {
        Reset-Simulator $sim
        $account = New-SimAccount -Simulator $sim
    }

    It 'wraps success as {"code":0,"msg":"","debugMsg":"","data":{...}}' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.OpenOrders
        $answer.StatusCode | Should -Be 200
        $answer.Body | Should -BeExactly '{"code":0,"msg":"","debugMsg":"","data":{"orders":[]}}'
    }

    It 'answers gateway refusals (key, signature, timestamp, IP, permission, rate) with HTTP 200, code, msg and timestamp, no debugMsg, no data' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey 'nobody' -Method GET -Path $api.OpenOrders
        $answer.StatusCode | Should -Be 200
        $answer.Json.PSObject.Properties.Name | Should -Be @('code', 'msg', 'timestamp')
        $answer.Json.timestamp | Should -BeGreaterThan 1700000000000
    }

    It 'answers the IP whitelist refusal with success:false as well, as recorded live' {
        $fenced = New-SimAccount -Simulator $sim -IpWhitelist '10.1.2.3'
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $fenced.ApiKey -SecretKey $fenced.SecretKey -Method GET -Path $api.OpenOrders
        $answer.Json.PSObject.Properties.Name | Should -Be @('code', 'msg', 'success', 'timestamp')
        $answer.Json.success | Should -BeFalse
    }

    It 'answers service rejections (parameters, symbol, funds, orders) with HTTP 200, code, msg and debugMsg, no timestamp, no data' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.OpenOrders -Parameters ([ordered] @{ symbol = 'NOPE-USDT' })
        $answer.StatusCode | Should -Be 200
        $answer.Json.code | Should -Be 100204
        $answer.Json.PSObject.Properties.Name | Should -Be @('code', 'msg', 'debugMsg')
    }

    It 'serves server/time without a key, from the server clock' {
        $null = Set-SimClock -Simulator $sim -FixedTimeMs 1702721320676
        try {
            $answer = Invoke-SignedSimRequest -Simulator $sim -Method GET -Path $api.ServerTime -NoSignature -NoTimestamp
            $answer.Body | Should -BeExactly '{"code":0,"msg":"","debugMsg":"","data":{"serverTime":1702721320676}}'
        }
        finally { $null = Set-SimClock -Simulator $sim -Real }
    }

    It 'lists the symbols with numbers as JSON numbers, one offline and one closed to the API' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -Method GET -Path $api.Symbols -NoSignature -NoTimestamp
        $symbols = $answer.Json.data.symbols
        $symbols.symbol | Should -Contain 'BTC-USDT'
        foreach ($name in 'ETH-USDT', 'GM-USDT', 'SOL-USDT', 'XRP-USDT', 'DOGE-USDT', 'BNB-USDT', 'ADA-USDT', 'LTC-USDT', 'TRX-USDT') {
            $symbols.symbol | Should -Contain $name
        }
        @($symbols | Where-Object status -EQ 0).Count | Should -Be 1
        @($symbols | Where-Object { -not $_.apiStateBuy -and $_.status -eq 1 }).Count | Should -Be 1
        $answer.Body | Should -Match '"symbol":"BTC-USDT","minQty":0\.00001,'
        $answer.Body | Should -Match '"tickSize":0\.00000001,'
    }

    It 'filters common/symbols by symbol' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -Method GET -Path $api.Symbols -Parameters ([ordered] @{ symbol = 'ETH-USDT' }) -NoSignature
        @($answer.Json.data.symbols).symbol | Should -Be @('ETH-USDT')
    }

    It 'answers a wrong HTTP method with 405 and an Allow header' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path $api.CancelAll
        $answer.StatusCode | Should -Be 405
        $answer.Json | Should -BeNullOrEmpty
    }

    It 'answers an unknown /openApi path with a plain 404' {
        $answer = Invoke-SignedSimRequest -Simulator $sim -ApiKey $account.ApiKey -SecretKey $account.SecretKey -Method GET -Path '/openApi/spot/v1/trade/nothing'
        $answer.StatusCode | Should -Be 404
        $answer.Body | Should -BeExactly '404 page not found'
    }
}
