# The simulator's exchange behaviour: order lifecycle, balances, validation, batch and cancel-all answers.
# Rate limits are off here (started with --no-rate-limits) so business rules are tested without pacing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psd1') -Force
    $api = Get-SpotApiPath
    $sim = Start-TestSimulator -NoRateLimits


    function Send([string] $Method, [string] $Path, [System.Collections.IDictionary] $Parameters = ([ordered] @{}), $Account = $trader) {
        Invoke-SignedSimRequest -Simulator $sim -ApiKey $Account.ApiKey -SecretKey $Account.SecretKey -Method $Method -Path $Path -Parameters $Parameters
    }

    function Get-Balance($Account, [string] $Asset) {
        $balance = (Get-SimAccount -Simulator $sim -ApiKey $Account.ApiKey).balances | Where-Object asset -EQ $Asset
        if (-not $balance) { return [pscustomobject] @{ Free = 0m; Locked = 0m } }
        return [pscustomobject] @{ Free = [decimal] $balance.free; Locked = [decimal] $balance.locked }
    }

    # Order ids straight from the raw JSON text: never through a double.
    function Get-RawOrderId([string] $Body) {
        return [long[]] @([regex]::Matches($Body, '"orderId":(\d+)').ForEach({ $_.Groups[1].Value }))
    }
}

AfterAll {
    Stop-TestSimulator $sim
}

Describe 'a LIMIT order from placement to cancel' {
    BeforeAll {
        Reset-Simulator $sim
        $trader = New-SimAccount -Simulator $sim -Balances @{ USDT = '1000'; BTC = '0.5' }
        $placed = Send POST $api.Order ([ordered] @{ newClientOrderId = 'life_1'; price = '42000.50'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
        $orderId = (Get-RawOrderId $placed.Body)[0]
    }

    It 'rests as PENDING with the placement shape (stopPrice, origClientOrderId) and the given decimal scale' {
        $placed.Json.code | Should -Be 0 -Because $placed.Body
        $order = $placed.Json.data
        $order.status | Should -Be 'PENDING'
        $order.origClientOrderId | Should -BeExactly 'life_1'
        $order.PSObject.Properties.Name | Should -Be @('symbol', 'orderId', 'transactTime', 'price', 'stopPrice', 'origQty', 'executedQty',
            'cummulativeQuoteQty', 'status', 'type', 'side', 'origClientOrderId')
        $placed.Body | Should -Match '"price":"42000\.50"'
        $placed.Body | Should -Match '"executedQty":"0"'
        $order.orderId | Should -BeOfType [long]
        $order.orderId | Should -Be $orderId
    }

    It 'locks price * quantity of the quote asset' {
        $usdt = Get-Balance $trader 'USDT'
        $usdt.Free | Should -Be 957.9995
        $usdt.Locked | Should -Be 42.0005
    }

    It 'is listed by openOrders with StopPrice spelled with a capital S' {
        $open = Send GET $api.OpenOrders ([ordered] @{ symbol = 'BTC-USDT' })
        $open.Body | Should -MatchExactly '"StopPrice":"0"'
        $open.Body | Should -Not -MatchExactly '"stopPrice"'
        $order = @($open.Json.data.orders)
        $order.Count | Should -Be 1
        $order[0].orderId | Should -Be $orderId
        foreach ($field in 'time', 'updateTime', 'origQuoteOrderQty', 'fee', 'clientOrderID') {
            $order[0].PSObject.Properties.Name | Should -Contain $field
        }
    }

    It 'is found by query with orderId and with clientOrderID, with feeAsset and avgPrice' {
        $byId = Send GET $api.Query ([ordered] @{ orderId = [string] $orderId; symbol = 'BTC-USDT' })
        $byClient = Send GET $api.Query ([ordered] @{ clientOrderID = 'life_1'; symbol = 'BTC-USDT' })
        (Get-RawOrderId $byId.Body) | Should -Be @($orderId)
        (Get-RawOrderId $byClient.Body) | Should -Be @($orderId)
        $byId.Body | Should -MatchExactly '"StopPrice":'
        $byId.Json.data.PSObject.Properties.Name | Should -Contain 'feeAsset'
        $byId.Json.data.avgPrice | Should -Be '0'
    }

    It 'cancels to CANCELED with an updateTime, unlocks the funds and leaves the open list' {
        $canceled = Send POST $api.Cancel ([ordered] @{ orderId = [string] $orderId; symbol = 'BTC-USDT' })
        $canceled.Json.code | Should -Be 0 -Because $canceled.Body
        $canceled.Json.data.status | Should -Be 'CANCELED'
        $canceled.Body | Should -MatchExactly '"stopPrice":"0"'
        $canceled.Json.data.transactTime | Should -BeGreaterOrEqual $placed.Json.data.transactTime
        $usdt = Get-Balance $trader 'USDT'
        $usdt.Free | Should -Be 1000
        $usdt.Locked | Should -Be 0
        (Send GET $api.OpenOrders).Json.data.orders | Should -HaveCount 0
        $query = Send GET $api.Query ([ordered] @{ orderId = [string] $orderId; symbol = 'BTC-USDT' })
        $query.Json.data.status | Should -Be 'CANCELED'
        $query.Json.data.updateTime | Should -BeGreaterOrEqual $query.Json.data.time
    }

    It 'answers a second cancel with 100400 "the order you want to cancel is FILLED or CANCELLED already, ..."' {
        $again = Send POST $api.Cancel ([ordered] @{ orderId = [string] $orderId; symbol = 'BTC-USDT' })
        $again.Json.code | Should -Be 100400
        $again.Json.msg | Should -BeExactly 'the order you want to cancel is FILLED or CANCELLED already, or is not a valid order id ,please verify'
    }

    It 'answers a cancel of an unknown order, or of one on another symbol, with 100421 "cancel fail, order not exist"' {
        $unknown = Send POST $api.Cancel ([ordered] @{ orderId = '1735964997957275651'; symbol = 'BTC-USDT' })
        $unknown.Json.code | Should -Be 100421
        $unknown.Json.msg | Should -BeExactly 'cancel fail, order not exist'
        (Send POST $api.Cancel ([ordered] @{ orderId = [string] $orderId; symbol = 'ETH-USDT' })).Json.code | Should -Be 100421
        $query = Send GET $api.Query ([ordered] @{ orderId = '1735964997957275651'; symbol = 'BTC-USDT' })
        $query.Json.code | Should -Be 100404 -Because 'a query of an unknown id keeps 100404 "order not exist"'
    }

    It 'lets the client order id be used again once the first order is no longer open' {
        $again = Send POST $api.Order ([ordered] @{ newClientOrderId = 'life_1'; price = '40000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
        $again.Json.code | Should -Be 0 -Because $again.Body
        $duplicate = Send POST $api.Order ([ordered] @{ newClientOrderId = 'life_1'; price = '40000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
        $duplicate.Json.code | Should -Be 100400
        $duplicate.Json.msg | Should -Match 'life_1'
    }
}

Describe 'other order types' {
    BeforeEach {
        Reset-Simulator $sim
        $trader = New-SimAccount -Simulator $sim -Balances @{ USDT = '10000'; BTC = '1' }
        $null = Set-SimPrice -Simulator $sim -Symbol 'BTC-USDT' -Price '50000'
    }

    It 'locks the base asset for a SELL LIMIT' {
        (Send POST $api.Order ([ordered] @{ price = '60000'; quantity = '0.25'; side = 'SELL'; symbol = 'BTC-USDT'; type = 'LIMIT' })).Json.data.status | Should -Be 'PENDING'
        $btc = Get-Balance $trader 'BTC'
        $btc.Free | Should -Be 0.75
        $btc.Locked | Should -Be 0.25
    }

    It 'fills a MARKET BUY at once at the market price, fee taken from the base received' {
        $answer = Send POST $api.Order ([ordered] @{ quantity = '0.01'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'MARKET' })
        $answer.Json.data.status | Should -Be 'FILLED'
        $answer.Json.data.executedQty | Should -Be '0.01'
        $answer.Json.data.cummulativeQuoteQty | Should -Be '500'
        (Get-Balance $trader 'USDT').Free | Should -Be 9500
        (Get-Balance $trader 'BTC').Free | Should -Be (1 + 0.01 - 0.00001)
        (Send GET $api.OpenOrders).Json.data.orders | Should -HaveCount 0
        $query = Send GET $api.Query ([ordered] @{ orderId = [string] $answer.Json.data.orderId; symbol = 'BTC-USDT' })
        $query.Json.data.avgPrice | Should -Be '50000'
        $query.Json.data.feeAsset | Should -Be 'BTC'
        $query.Json.data.fee | Should -BeLessThan 0
    }

    It 'derives the quantity of a MARKET BUY from quoteOrderQty, rounded down to the step size' {
        $answer = Send POST $api.Order ([ordered] @{ quoteOrderQty = '100'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'MARKET' })
        $answer.Json.data.origQty | Should -Be '0.002'
        $query = Send GET $api.Query ([ordered] @{ orderId = [string] $answer.Json.data.orderId; symbol = 'BTC-USDT' })
        $query.Json.data.origQuoteOrderQty | Should -Be '100'
    }

    It 'fills a MARKET SELL, fee taken from the quote received' {
        $answer = Send POST $api.Order ([ordered] @{ quantity = '0.1'; side = 'SELL'; symbol = 'BTC-USDT'; type = 'MARKET' })
        $answer.Json.data.status | Should -Be 'FILLED'
        (Get-Balance $trader 'BTC').Free | Should -Be 0.9
        (Get-Balance $trader 'USDT').Free | Should -Be (10000 + 5000 - 5)
    }

    It 'rests <Type> as PENDING with its stop price' -ForEach @(
        @{ Type = 'TAKE_STOP_LIMIT'; Extra = @{ price = '45000' } }
        @{ Type = 'TRIGGER_LIMIT'; Extra = @{ price = '55000' } }
        @{ Type = 'TAKE_STOP_MARKET'; Extra = @{} }
        @{ Type = 'TRIGGER_MARKET'; Extra = @{} }
    ) {
        $parameters = [ordered] @{ quantity = '0.01'; side = 'BUY'; stopPrice = '48000.5'; symbol = 'BTC-USDT'; type = $Type }
        foreach ($key in $Extra.Keys) { $parameters[$key] = $Extra[$key] }
        $answer = Send POST $api.Order $parameters
        $answer.Json.code | Should -Be 0 -Because $answer.Body
        $answer.Json.data.status | Should -Be 'PENDING'
        $answer.Json.data.stopPrice | Should -Be '48000.5'
        (Get-Balance $trader 'USDT').Locked | Should -BeGreaterThan 0
        $open = Send GET $api.OpenOrders
        $open.Json.data.orders[0].StopPrice | Should -Be '48000.5'
    }

    It 'fills a resting order through the control API and settles the balances' {
        $placed = Send POST $api.Order ([ordered] @{ price = '40000'; quantity = '0.01'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
        $orderId = (Get-RawOrderId $placed.Body)[0]
        $partial = Complete-SimOrder -Simulator $sim -OrderId $orderId -Quantity '0.004'
        $partial.status | Should -Be 'PARTIALLY_FILLED'
        (Get-Balance $trader 'USDT').Locked | Should -Be 240
        $filled = Complete-SimOrder -Simulator $sim -OrderId $orderId
        $filled.status | Should -Be 'FILLED'
        $filled.executedQty | Should -Be '0.01'
        $filled.avgPrice | Should -Be '40000'
        $usdt = Get-Balance $trader 'USDT'
        $usdt.Free | Should -Be 9600
        $usdt.Locked | Should -Be 0
        (Get-Balance $trader 'BTC').Free | Should -Be (1 + 0.01 - 0.00001)
        (Send POST $api.Cancel ([ordered] @{ orderId = [string] $orderId; symbol = 'BTC-USDT' })).Json.msg | Should -BeExactly 'the order you want to cancel is FILLED or CANCELLED already, or is not a valid order id ,please verify'
    }

    It 'cancels only orders in the status named by cancelRestrictions' {
        $placed = Send POST $api.Order ([ordered] @{ price = '40000'; quantity = '0.01'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
        $id = [string] (Get-RawOrderId $placed.Body)[0]
        (Send POST $api.Cancel ([ordered] @{ cancelRestrictions = 'PARTIALLY_FILLED'; orderId = $id; symbol = 'BTC-USDT' })).Json.code | Should -Be 100400
        (Send POST $api.Cancel ([ordered] @{ cancelRestrictions = 'PENDING'; orderId = $id; symbol = 'BTC-USDT' })).Json.data.status | Should -Be 'CANCELED'
    }
}

Describe 'order validation' {
    BeforeAll {
        Reset-Simulator $sim
        $trader = New-SimAccount -Simulator $sim -Balances @{ USDT = '100000'; BTC = '10' }
    }

    It 'answers <Code> when <Case>' -ForEach @(
        @{ Case = 'the symbol is unknown'; Code = 100204; Parameters = [ordered] @{ price = '1'; quantity = '10'; side = 'BUY'; symbol = 'NOPE-USDT'; type = 'LIMIT' }; Msg = 'symbol not exist' }
        @{ Case = 'the symbol is malformed'; Code = 100400; Parameters = [ordered] @{ price = '1'; quantity = '10'; side = 'BUY'; symbol = 'btc_usdt'; type = 'LIMIT' }; Msg = 'symbol' }
        @{ Case = 'the symbol is missing'; Code = 100400; Parameters = [ordered] @{ price = '1'; quantity = '10'; side = 'BUY'; type = 'LIMIT' }; Msg = 'symbol' }
        @{ Case = 'the side is wrong'; Code = 100400; Parameters = [ordered] @{ price = '40000'; quantity = '0.001'; side = 'buy'; symbol = 'BTC-USDT'; type = 'LIMIT' }; Msg = 'side' }
        @{ Case = 'the type is unknown'; Code = 100400; Parameters = [ordered] @{ price = '40000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'STOP' }; Msg = 'type' }
        @{ Case = 'a LIMIT order has no price'; Code = 100400; Parameters = [ordered] @{ quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }; Msg = 'price' }
        @{ Case = 'a trigger order has no stopPrice'; Code = 100400; Parameters = [ordered] @{ quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'TRIGGER_MARKET' }; Msg = 'stopPrice' }
        @{ Case = 'a MARKET BUY has neither quantity nor quoteOrderQty'; Code = 100400; Parameters = [ordered] @{ side = 'BUY'; symbol = 'BTC-USDT'; type = 'MARKET' }; Msg = 'quantity' }
        @{ Case = 'the quantity is below minQty'; Code = 100400; Parameters = [ordered] @{ price = '40000'; quantity = '0.000001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }; Msg = 'minimum' }
        @{ Case = 'the quantity truncates to below minQty'; Code = 100400; Parameters = [ordered] @{ price = '1'; quantity = '0.5'; side = 'BUY'; symbol = 'DOGE-USDT'; type = 'LIMIT' }; Msg = 'minimum' }
        @{ Case = 'the quantity is not a number'; Code = 100400; Parameters = [ordered] @{ price = '40000'; quantity = '1e-3'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }; Msg = 'quantity' }
        @{ Case = 'the order value is below minNotional'; Code = 100400; Parameters = [ordered] @{ price = '100'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }; Msg = 'minimum' }
        @{ Case = 'the client order id has a character that needs encoding'; Code = 100400; Parameters = [ordered] @{ newClientOrderId = 'a#b'; price = '40000'; quantity = '0.001'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }; Msg = 'newClientOrderId' }
        @{ Case = 'the balance is insufficient'; Code = 100202; Parameters = [ordered] @{ price = '40000'; quantity = '5'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' }; Msg = 'Insufficient assets, please verify the assets status' }
        @{ Case = 'the symbol is offline'; Code = 100490; Parameters = [ordered] @{ price = '1'; quantity = '10'; side = 'BUY'; symbol = 'LUNA-USDT'; type = 'LIMIT' }; Msg = 'offline' }
        @{ Case = 'the symbol is not tradable by API'; Code = 100421; Parameters = [ordered] @{ quantity = '100000000'; side = 'BUY'; symbol = 'PEPE-USDT'; type = 'MARKET' }; Msg = 'This pair is currently restricted from API trading' }
    ) {
        $answer = Send POST $api.Order $Parameters
        $answer.StatusCode | Should -Be 200
        $answer.Json.code | Should -Be $Code -Because $answer.Body
        $answer.Json.msg | Should -Match ([regex]::Escape($Msg))
        $answer.Json.PSObject.Properties.Name | Should -Not -Contain 'data'
    }

    It 'leaves nothing behind after a rejected order' {
        (Get-SimAccount -Simulator $sim -ApiKey $trader.ApiKey).orders | Should -HaveCount 0
        (Get-Balance $trader 'USDT').Locked | Should -Be 0
    }

    It 'accepts a price and quantity finer than tickSize/stepSize and truncates them, as docs-v3 trade/order says' {
        $answer = Send POST $api.Order ([ordered] @{ price = '40000.129'; quantity = '0.0012345'; side = 'BUY'; symbol = 'BTC-USDT'; type = 'LIMIT' })
        $answer.Json.code | Should -Be 0 -Because $answer.Body
        $answer.Body | Should -Match '"price":"40000\.12"'
        $answer.Body | Should -Match '"origQty":"0\.00123"'
        (Get-Balance $trader 'USDT').Locked | Should -Be (40000.12 * 0.00123)
        $null = Send POST $api.CancelAll ([ordered] @{ symbol = 'BTC-USDT' })
    }

    It 'answers 100400 for a query or cancel without orderId and clientOrderID, and for a bad orderId' {
        (Send GET $api.Query ([ordered] @{ symbol = 'BTC-USDT' })).Json.code | Should -Be 100400
        (Send POST $api.Cancel ([ordered] @{ symbol = 'BTC-USDT' })).Json.code | Should -Be 100400
        (Send POST $api.Cancel ([ordered] @{ orderId = '12ab'; symbol = 'BTC-USDT' })).Json.code | Should -Be 100400
    }

    It 'answers 100204 for openOrders on an unknown symbol and 100400 on a malformed one' {
        (Send GET $api.OpenOrders ([ordered] @{ symbol = 'NOPE-USDT' })).Json.code | Should -Be 100204
        (Send GET $api.OpenOrders ([ordered] @{ symbol = 'BTCUSDT' })).Json.code | Should -Be 100400
    }
}

Describe 'batch cancel and cancel-all' {
    BeforeEach {
        Reset-Simulator $sim
        $trader = New-SimAccount -Simulator $sim -Balances @{ USDT = '1000' }
        $btc = Add-SimOrder -Simulator $sim -ApiKey $trader.ApiKey -Symbol 'BTC-USDT' -Side BUY -Price '40000' -Quantity '0.001' -Count 3 -ClientOrderId 'batch'
        $eth = Add-SimOrder -Simulator $sim -ApiKey $trader.ApiKey -Symbol 'ETH-USDT' -Side SELL -Price '2500' -Quantity '0.5'
        $pending = Add-SimOrder -Simulator $sim -ApiKey $trader.ApiKey -Symbol 'SOL-USDT' -Side BUY -Type TRIGGER_LIMIT -Price '90' -StopPrice '95' -Quantity '1' -Status PENDING
    }

    It 'cancels the listed orderIds (comma-joined, sent as %2C)' {
        $ids = "$($btc[0].orderId),$($btc[1].orderId)"
        $answer = Send POST $api.CancelMany ([ordered] @{ orderIds = $ids; symbol = 'BTC-USDT' })
        $answer.Json.code | Should -Be 0 -Because $answer.Body
        (Get-RawOrderId $answer.Body) | Should -Be @($btc[0].orderId, $btc[1].orderId)
        @($answer.Json.data.orders.status | Select-Object -Unique) | Should -Be @('CANCELED')
        (Get-SimRequestLog -Simulator $sim -Path $api.CancelMany)[-1].query | Should -Match 'orderIds=\d+%2C\d+'
    }

    It 'is all-or-nothing with process=0: one unknown id rejects the batch' {
        $answer = Send POST $api.CancelMany ([ordered] @{ orderIds = "$($btc[0].orderId),42"; process = '0'; symbol = 'BTC-USDT' })
        $answer.Json.code | Should -Be 100421
        (Send GET $api.OpenOrders ([ordered] @{ symbol = 'BTC-USDT' })).Json.data.orders | Should -HaveCount 3
    }

    It 'with process=1 cancels the valid ones and lists the rest in fails, ids as strings' {
        $answer = Send POST $api.CancelMany ([ordered] @{ orderIds = "$($btc[0].orderId),42,$($eth[0].orderId)"; process = '1'; symbol = 'BTC-USDT' })
        $answer.Json.code | Should -Be 0
        (Get-RawOrderId $answer.Body) | Should -Be @($btc[0].orderId)
        $answer.Body | Should -Match ('"fails":\[\{"orderId":"42","errorCode":100404,"errorMessage":"can not find order for orderId:42 for symbol: BTC-USDT, please verify and retry later"\},\{"orderId":"' + $eth[0].orderId + '","errorCode":100404,"errorMessage":"can not find order for orderId:' + $eth[0].orderId + ' for symbol: BTC-USDT, please verify and retry later"\}\]')
    }

    It 'cancels by clientOrderIDs' {
        $answer = Send POST $api.CancelMany ([ordered] @{ clientOrderIDs = 'batch_2,batch_3'; symbol = 'BTC-USDT' })
        $answer.Json.data.orders.clientOrderID | Should -Be @('batch_2', 'batch_3')
    }

    It 'cancels every open order on one symbol and leaves the others' {
        $answer = Send POST $api.CancelAll ([ordered] @{ symbol = 'BTC-USDT' })
        (Get-RawOrderId $answer.Body) | Should -Be @($btc.orderId)
        $left = (Send GET $api.OpenOrders).Json.data.orders
        $left.symbol | Should -Be @('ETH-USDT', 'SOL-USDT')
    }

    It 'cancels on every symbol when no symbol is given, PENDING included, and unlocks the seeded funds' {
        $answer = Send POST $api.CancelAll
        (Get-RawOrderId $answer.Body) | Sort-Object | Should -Be (@($btc.orderId) + $eth.orderId + $pending.orderId | Sort-Object)
        foreach ($balance in (Get-SimAccount -Simulator $sim -ApiKey $trader.ApiKey).balances) {
            [decimal] $balance.locked | Should -Be 0
        }
    }

    It 'answers {"orders":[]} when nothing is open' {
        $null = Send POST $api.CancelAll
        (Send POST $api.CancelAll).Body | Should -BeExactly '{"code":0,"msg":"","debugMsg":"","data":{"orders":[]}}'
    }
}

Describe 'order ids and list sizes' {
    BeforeAll {
        Reset-Simulator $sim
        $trader = New-SimAccount -Simulator $sim
        $seeded = Add-SimOrder -Simulator $sim -ApiKey $trader.ApiKey -Symbol 'DOGE-USDT' -Side BUY -Price '0.05' -Quantity '100' -Count 2001
    }

    It 'writes ids beyond 2^53 as bare JSON integers that survive exactly' {
        $open = Send GET $api.OpenOrders ([ordered] @{ symbol = 'DOGE-USDT' })
        $raw = Get-RawOrderId $open.Body
        $raw | Should -HaveCount 2000
        @($raw | Where-Object { $_ -le 9007199254740992 }) | Should -HaveCount 0
        $open.Body | Should -Not -Match '"orderId":"'
        ($raw -join ',') | Should -BeExactly (($seeded | Select-Object -First 2000).orderId -join ',')
        ($raw | Select-Object -Unique).Count | Should -Be 2000
    }

    It 'hands out increasing ids with gaps' {
        $ids = $seeded.orderId
        for ($i = 1; $i -lt 50; $i++) { $ids[$i] | Should -BeGreaterThan $ids[$i - 1] }
        $gaps = for ($i = 1; $i -lt 50; $i++) { $ids[$i] - $ids[$i - 1] }
        @($gaps | Where-Object { $_ -gt 1 }).Count | Should -BeGreaterThan 40
    }

    It 'lists at most 2000 open orders and cancels all of them at once' {
        $answer = Send POST $api.CancelAll ([ordered] @{ symbol = 'DOGE-USDT' })
        (Get-RawOrderId $answer.Body) | Should -HaveCount 2001
    }
}

Describe 'account balance' {
    It 'lists the assets with free and locked as strings' {
        Reset-Simulator $sim
        $trader = New-SimAccount -Simulator $sim -Balances @{ USDT = '1000'; ETH = '2.5' }
        $null = Send POST $api.Order ([ordered] @{ price = '2000'; quantity = '1'; side = 'SELL'; symbol = 'ETH-USDT'; type = 'LIMIT' })
        $answer = Send GET $api.Balance
        $answer.Body | Should -Match '\{"asset":"ETH","free":"1\.5","locked":"1"\}'
        $answer.Body | Should -Match '\{"asset":"USDT","free":"1000","locked":"0"\}'
    }
}
