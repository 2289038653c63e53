# Recorded answers of the real exchange (tests/data/real-answers, one file each, naming its source): every one is read
# by the module exactly as a live answer would be (envelope, error classification, the endpoint's reader), and the
# simulator's answer for the same endpoint has the same field names and JSON types. A change of the module or the
# simulator that drifts from what BingX really sends fails here.
BeforeDiscovery {
    $corpusRoot = Join-Path $PSScriptRoot '../data/real-answers'
    $corpus = foreach ($file in Get-ChildItem $corpusRoot -Filter '*.json' | Sort-Object Name) {
        $text = [IO.File]::ReadAllText($file.FullName)
        # System.Text.Json keeps the body's exact text (ids beyond 2^53, 0.000001); ConvertFrom-Json would not.
        $document = [System.Text.Json.JsonDocument]::Parse($text)
        $head = $text | ConvertFrom-Json -AsHashtable
        @{
            Name = $file.BaseName
            Source = $head.source
            Recorded = $head.recorded
            Endpoint = $head.endpoint
            HttpStatus = [int] $head.httpStatus
            Shape = $head.simulatorShape
            Scenario = $head.simulatorScenario
            Expect = $head.expect
            Body = $document.RootElement.GetProperty('body').GetRawText()
        }
        $document.Dispose()
    }
    $shaped = @($corpus | Where-Object { $_.Shape -ne 'none' })
}

BeforeAll {
    Import-Module $env:BINGX_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.Reliability.psm1') -Force
    $api = Get-SpotApiPath

    $readHook = (Get-BingXInternalType 'Client.BingXClient').GetMethod('ReadRecordedAnswer', [Reflection.BindingFlags] 'Static, NonPublic')

    # What the module makes of a recorded body: the reader's result, or the exception a live call would throw.
    function Read-RecordedAnswer([string] $Endpoint, [int] $HttpStatus, [string] $Body) {
        try {
            return @{ Result = $readHook.Invoke($null, [object[]] @($Endpoint, $HttpStatus, $Body)); Error = $null }
        }
        catch {
            $exception = $_.Exception
            while ($exception -is [System.Management.Automation.MethodInvocationException] -or $exception -is [System.Reflection.TargetInvocationException]) {
                $exception = $exception.InnerException
            }
            return @{ Result = $null; Error = $exception }
        }
    }

    # Values are compared as invariant text; times as epoch milliseconds.
    function ConvertTo-Comparable($Value) {
        if ($null -eq $Value) { return '' }
        if ($Value -is [DateTimeOffset]) { return [string] $Value.ToUnixTimeMilliseconds() }
        return [string] $Value
    }

    function Assert-Properties($Object, [System.Collections.IDictionary] $Expected, [string] $What) {
        foreach ($name in $Expected.Keys) {
            ConvertTo-Comparable $Object.$name | Should -BeExactly ([string] $Expected[$name]) -Because "$What.$name"
        }
    }

    function Get-Kind([System.Text.Json.JsonElement] $Element) {
        $kind = [string] $Element.ValueKind
        if ($kind -in 'True', 'False') { return 'Boolean' }
        return $kind
    }

    # Every field of the recorded answer is in the simulator's with the same JSON type (Exact: and no other field).
    # Arrays: their first elements are compared; a recorded item the simulator's answer has no counterpart for is a
    # problem (an empty array would leave the items' shape unchecked).
    function Compare-JsonShape([System.Text.Json.JsonElement] $Recorded, [System.Text.Json.JsonElement] $Simulated, [bool] $Exact, [string] $At = '$') {
        $recordedKind = Get-Kind $Recorded
        $simulatedKind = Get-Kind $Simulated
        if ($recordedKind -ne $simulatedKind) {
            return @("$At is $recordedKind in the recording, $simulatedKind in the simulator's answer")
        }
        $problems = @()
        if ($recordedKind -eq 'Object') {
            $simulatedNames = @($Simulated.EnumerateObject() | ForEach-Object Name)
            foreach ($property in $Recorded.EnumerateObject()) {
                if ($property.Name -cnotin $simulatedNames) {
                    $problems += "$At.$($property.Name) is missing from the simulator's answer"
                    continue
                }
                $problems += Compare-JsonShape $property.Value $Simulated.GetProperty($property.Name) $Exact "$At.$($property.Name)"
            }
            if ($Exact) {
                $recordedNames = @($Recorded.EnumerateObject() | ForEach-Object Name)
                $problems += @($simulatedNames | Where-Object { $_ -cnotin $recordedNames } | ForEach-Object { "$At.$_ is in the simulator's answer only" })
            }
        }
        elseif ($recordedKind -eq 'Array' -and $Recorded.GetArrayLength() -gt 0) {
            if ($Simulated.GetArrayLength() -eq 0) { return @("$At is empty in the simulator's answer, so its items' shape is not compared") }
            $problems += Compare-JsonShape $Recorded[0] $Simulated[0] $Exact "$At[0]"
        }
        return $problems
    }
}

Describe 'The module reads every recorded answer of the real exchange' -Tag Core {
    It 'replays at least 20 recorded answers, covering every endpoint the module calls and both error families' -ForEach @(@{ Corpus = $corpus; Shaped = $shaped }) {
        $endpoints = @($corpus.Endpoint | Sort-Object -Unique)
        $errors = @($corpus | Where-Object { $_.Name -like 'error.*' })
        Write-Host ("RealAnswers: replaying {0} recorded answers ({1} errors) over {2} endpoints; {3} also checked against the simulator's shape." -f
            $corpus.Count, $errors.Count, $endpoints.Count, $shaped.Count)
        $corpus.Count | Should -BeGreaterOrEqual 20
        foreach ($path in $api.ServerTime, $api.Symbols, $api.Balance, $api.Order, $api.Query, $api.OpenOrders, $api.Cancel, $api.CancelMany, $api.CancelAll) {
            $endpoints | Should -Contain $path
        }
        @($corpus | Where-Object { $_.Name -like 'error.gateway-*' }) | Should -Not -BeNullOrEmpty
        @($corpus | Where-Object { $_.Name -like 'error.service-*' }) | Should -Not -BeNullOrEmpty
        @($corpus | Where-Object { -not $_.Source }) | Should -BeNullOrEmpty -Because 'every recording names where it was recorded'
    }

    It '<Name>: read as a live answer (<Recorded>)' -ForEach $corpus {
        $read = Read-RecordedAnswer $Endpoint $HttpStatus $Body
        if ($Expect.Contains('errorId')) {
            $read.Error | Should -Not -BeNullOrEmpty -Because 'an error answer throws'
            $read.Error | Should -BeOfType ([BingX.PowerShell.BingXApiException])
            $read.Error.ErrorId | Should -Be $Expect.errorId
            [string] $read.Error.Kind | Should -Be $Expect.kind
            $read.Error.Code | Should -Be $Expect.code
            if ($Expect.Contains('retryAfter')) {
                ConvertTo-Comparable $read.Error.RetryAfter | Should -BeExactly $Expect.retryAfter
            }
            if ($Expect.Contains('serverTime')) {
                $serverTime = $read.Error.GetType().GetProperty('ServerTime', [Reflection.BindingFlags] 'Instance, NonPublic').GetValue($read.Error)
                ConvertTo-Comparable $serverTime | Should -BeExactly $Expect.serverTime -Because 'the gateway body''s timestamp is kept to judge the unblock time'
            }
            return
        }
        $read.Error | Should -BeNullOrEmpty -Because "the module reads $Name"
        $result = $read.Result
        if ($Expect.Contains('value')) {
            ConvertTo-Comparable $result | Should -BeExactly $Expect.value
        }
        elseif ($Expect.Contains('fails')) {
            $result.Orders | Should -HaveCount $Expect.orders
            $result.Fails | Should -HaveCount $Expect.fails
            if ($Expect.Contains('first')) { Assert-Properties $result.Orders[0] $Expect.first 'orders[0]' }
            if ($Expect.Contains('failId')) { $result.Fails[0].Id | Should -BeExactly $Expect.failId }
            if ($Expect.Contains('failReason')) { $result.Fails[0].Reason | Should -BeExactly $Expect.failReason }
        }
        elseif ($Expect.Contains('count')) {
            $list = @($result)
            $list | Should -HaveCount $Expect.count
            if ($Expect.Contains('first')) { Assert-Properties $list[0] $Expect.first 'first' }
            if ($Expect.Contains('last')) { Assert-Properties $list[-1] $Expect.last 'last' }
        }
        else {
            Assert-Properties $result $Expect 'order'
        }
    }

    It 'a cancelOrders fails[] entry in either wording is "not found" for that order, in one place' {
        $classifier = [BingX.PowerShell.BingXOrder].Assembly.GetType('BingX.PowerShell.BingXErrorClassifier', $true)
        $isNotFound = $classifier.GetMethod('IsOrderNotFound')
        foreach ($case in @(
                @(100404, 'order not exist'), @($null, 'can not find order for orderId:42 for symbol: BTC-USDT, please verify and retry later'),
                @(100421, ' cancel fail,  order not exist'), @(100400, 'the order you want to cancel is FILLED or CANCELLED already, or is not a valid order id ,please verify'))) {
            $isNotFound.Invoke($null, [object[]] $case) | Should -BeTrue -Because "$($case[0]) '$($case[1])'"
        }
        foreach ($case in @(
                @(100421, 'Null timestamp or timestamp mismatch, try to run our sample code'), @(100421, 'This pair is currently restricted from API trading'),
                @(100400, 'price can''t be lte 0 in limit order'), @(100202, 'Insufficient assets, please verify the assets status'))) {
            $isNotFound.Invoke($null, [object[]] $case) | Should -BeFalse -Because "$($case[0]) '$($case[1])'"
        }
    }
}

Describe 'The simulator answers in the shape of every recorded answer' -Tag Core {
    BeforeAll {
        $sim = Start-TestSimulator -NoRateLimits
        $base = @{ Simulator = $sim }
        $account = New-SimAccount @base -Balances @{ USDT = '100000'; BTC = '1' }
        $null = Set-SimBalance @base -ApiKey $account.ApiKey -Balances @{ ETH = '0' }
        $key = @{ ApiKey = $account.ApiKey; SecretKey = $account.SecretKey }

        function Send([string] $Method, [string] $Path, [System.Collections.IDictionary] $Parameters = ([ordered] @{}), [hashtable] $As = $key) {
            (Invoke-SignedSimRequest @base @As -Method $Method -Path $Path -Parameters $Parameters).Body
        }

        function New-RestingOrder {
            $body = Send POST $api.Order ([ordered] @{ newClientOrderId = "shape_$([guid]::NewGuid().ToString('N').Substring(0, 8))"; price = '30000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
            return [regex]::Match($body, '"orderId":(\d+)').Groups[1].Value
        }

        # One simulator answer per scenario named in the recordings.
        $scenarios = @{
            'server-time' = { (Invoke-WebRequest -Uri ([uri]::new($sim.BaseUri, $api.ServerTime)) -SkipHttpErrorCheck).Content }
            'symbols' = { (Invoke-WebRequest -Uri ([uri]::new($sim.BaseUri, "$($api.Symbols)?symbol=BTC-USDT")) -SkipHttpErrorCheck).Content }
            'balance' = { Send GET $api.Balance }
            'place-limit' = { Send POST $api.Order ([ordered] @{ newClientOrderId = "shape_$([guid]::NewGuid().ToString('N').Substring(0, 8))"; price = '30000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }) }
            'query' = { $id = New-RestingOrder; Send GET $api.Query ([ordered] @{ orderId = $id; symbol = 'BTC-USDT' }) }
            'open-orders' = { $null = New-RestingOrder; Send GET $api.OpenOrders ([ordered] @{ symbol = 'BTC-USDT' }) }
            'cancel' = { $id = New-RestingOrder; Send POST $api.Cancel ([ordered] @{ orderId = $id; symbol = 'BTC-USDT' }) }
            'cancel-orders' = { $id = New-RestingOrder; Send POST $api.CancelMany ([ordered] @{ orderIds = "$id,42"; process = '1'; symbol = 'BTC-USDT' }) }
            'cancel-open-orders' = { $null = New-RestingOrder; Send POST $api.CancelAll ([ordered] @{ symbol = 'BTC-USDT' }) }
            'error-unknown-key' = { Send POST $api.Cancel ([ordered] @{ orderId = '42'; symbol = 'BTC-USDT' }) -As @{ ApiKey = 'unknown-key'; SecretKey = 'x' } }
            'error-ip' = {
                $fenced = New-SimAccount @base -IpWhitelist '10.1.2.3'
                Send GET $api.Balance -As @{ ApiKey = $fenced.ApiKey; SecretKey = $fenced.SecretKey }
            }
            'error-stale-timestamp' = { (Invoke-SignedSimRequest @base @key -Method GET -Path $api.OpenOrders -Timestamp ([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() - 60000)).Body }
            'error-disabled-period' = {
                $null = Add-SimFault @base -Kind business -Code 100410 -Variant disabled -Path $api.CancelAll
                Send POST $api.CancelAll ([ordered] @{ symbol = 'BTC-USDT' })
            }
            'error-not-tradable' = { Send POST $api.Order ([ordered] @{ quantity = '100000000'; side = 'BUY'; symbol = 'PEPE-USDT'; type = 'MARKET' }) }
            'fault-100500' = {
                $null = Add-SimFault @base -Kind business -Code 100500 -Path $api.OpenOrders
                Send GET $api.OpenOrders
            }
            'fault-100414' = {
                $null = Add-SimFault @base -Kind business -Code 100414 -Path $api.Order
                Send POST $api.Order ([ordered] @{ price = '30000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
            }
            'error-cancel-final' = {
                $id = New-RestingOrder
                $null = Complete-SimOrder @base -OrderId $id
                Send POST $api.Cancel ([ordered] @{ orderId = $id; symbol = 'BTC-USDT' })
            }
            'error-cancel-unknown' = { Send POST $api.Cancel ([ordered] @{ orderId = '1735964997957275651'; symbol = 'BTC-USDT' }) }
            'error-insufficient' = { Send POST $api.Order ([ordered] @{ price = '40000'; quantity = '50'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }) }
            'error-offline' = { Send POST $api.Order ([ordered] @{ price = '1'; quantity = '10'; side = 'BUY'; symbol = 'LUNA-USDT'; type = 'LIMIT' }) }
        }
    }

    AfterAll {
        Stop-TestSimulator $sim
    }

    AfterEach {
        Clear-SimFault $sim
    }

    It 'has a scenario for every recording it is compared with' -ForEach @(@{ Shaped = $shaped }) {
        foreach ($entry in $shaped) {
            $scenarios.Keys | Should -Contain $entry.Scenario -Because $entry.Name
        }
    }

    It '<Name>: the simulator''s <Scenario> answer has its fields and types (<Shape>)' -ForEach $shaped {
        $simulatedText = & $scenarios[$Scenario]
        $recorded = [System.Text.Json.JsonDocument]::Parse($Body)
        $simulated = [System.Text.Json.JsonDocument]::Parse($simulatedText)
        try {
            $problems = @(Compare-JsonShape $recorded.RootElement $simulated.RootElement ($Shape -eq 'exact'))
            $problems | Should -BeNullOrEmpty -Because "the simulator answered $simulatedText"
        }
        finally {
            $recorded.Dispose()
            $simulated.Dispose()
        }
    }
}
