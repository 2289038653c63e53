# Stop-BingXOpenOrder and Get-BingXOpenOrder end to end: real HTTP to the simulator, asserting what it received.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Stop-BingXOpenOrder -Symbol' -Tag Core {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $btc = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000.5' -Quantity '0.001' -Count 3
        $eth = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Price '2500' -Quantity '0.5' -Count 2
        Clear-SimRequestLog $sim
    }

    It 'cancels exactly that symbol''s open orders and leaves the others' {
        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Confirm:$false

        $cancelled | Should -HaveCount 3
        $cancelled | ForEach-Object { $_ | Should -BeOfType ([BingX.PowerShell.BingXOrder]) }
        $cancelled.Status | Sort-Object -Unique | Should -Be 'CANCELED'
        @($cancelled.OrderId | Sort-Object) | Should -Be @($btc.orderId | ForEach-Object { [long] $_ } | Sort-Object)

        $left = Get-BingXOpenOrder
        @($left.OrderId | Sort-Object) | Should -Be @($eth.orderId | ForEach-Object { [long] $_ } | Sort-Object)
        $left.Symbol | Sort-Object -Unique | Should -Be 'ETH-USDT'
    }

    It 'sends one POST with sorted query parameters, a valid signature and an empty body' {
        $null = Stop-BingXOpenOrder -Symbol BTC-USDT -Force

        $requests = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $requests | Should -HaveCount 1
        $request = $requests[0]
        $request.method | Should -Be 'POST'
        $request.body | Should -BeNullOrEmpty
        $request.headers.'X-BX-APIKEY' | Should -Be $account.ApiKey
        $request.code | Should -Be 0

        $signed, $signature = $request.query -split '&signature='
        $signature | Should -Match '^[0-9a-f]{64}$'
        $signature | Should -Be (Get-SimSignature -SecretKey $account.SecretKey -Text $signed)
        $names = @((ConvertFrom-SimQuery $signed).Keys)
        $names | Should -Be @($names | Sort-Object -CaseSensitive)
        $names | Should -Contain 'symbol'
        $names | Should -Contain 'timestamp'
        (ConvertFrom-SimQuery $signed).symbol | Should -Be 'BTC-USDT'
    }

    It 'sends no recvWindow unless asked, and the given one with -RecvWindow' {
        $null = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -RecvWindow 7000
        $query = ConvertFrom-SimQuery (Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)[0].query
        $query.recvWindow | Should -Be '7000'
    }

    It 'returns order ids beyond 2^53 exactly' {
        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force
        $cancelled | ForEach-Object { $_.OrderId | Should -BeGreaterThan 9007199254740992 }
        # The raw answer from the log of what the simulator sent is not available, so compare with the seeded ids,
        # which the helper parsed as [long] from the simulator's JSON.
        @($cancelled.OrderId | Sort-Object) | Should -Be @($btc.orderId | ForEach-Object { [long] $_ } | Sort-Object)
        $cancelled[0].OrderId | Should -BeOfType ([long])
    }

    It 'parses decimals exactly under de-DE' {
        $cancelled = Invoke-InCulture de-DE { Stop-BingXOpenOrder -Symbol BTC-USDT -Force }
        $cancelled | Should -HaveCount 3
        $cancelled[0].Price | Should -Be ([decimal] '30000.5')
        $cancelled[0].OrigQty | Should -Be ([decimal] '0.001')
        $cancelled[0].Price | Should -BeOfType ([decimal])
    }

    It 'accepts several symbols and lower case' {
        $cancelled = Stop-BingXOpenOrder -Symbol btc-usdt, eth-usdt -Force
        $cancelled | Should -HaveCount 5
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 2
        Get-BingXOpenOrder | Should -BeNullOrEmpty
    }

    It 'binds -Symbol from the pipeline by value' {
        $cancelled = 'BTC-USDT' | Stop-BingXOpenOrder -Force
        $cancelled | Should -HaveCount 3
    }

    It 'binds -Symbol by property name from objects that carry only a Symbol, cancelling each symbol once' {
        $cancelled = Get-BingXOpenOrder -Symbol BTC-USDT | Select-Object Symbol | Stop-BingXOpenOrder -Force
        $cancelled | Should -HaveCount 3
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 1
    }

    It 'writes nothing and succeeds when nothing is open' {
        $null = Stop-BingXOpenOrder -Symbol BTC-USDT -Force
        $again = Stop-BingXOpenOrder -Symbol BTC-USDT -Force
        $again | Should -BeNullOrEmpty
    }

    It 'with -WhatIf reads the open orders, cancels nothing and sends no POST' {
        $null = Stop-BingXOpenOrder -Symbol BTC-USDT -WhatIf
        $log = @(Get-SimRequestLog -Simulator $sim)
        $log | Where-Object method -EQ 'POST' | Should -BeNullOrEmpty
        $log | Where-Object path -EQ $api.OpenOrders | Should -HaveCount 1
        (Get-BingXOpenOrder -Symbol BTC-USDT) | Should -HaveCount 3
    }

    It 'with -Force sends only the cancel (no extra read)' {
        $null = Stop-BingXOpenOrder -Symbol BTC-USDT -Force
        @(Get-SimRequestLog -Simulator $sim).path | Should -Be @($api.CancelAll)
    }

    It 'with $ConfirmPreference = None does not prompt and sends only the cancel' {
        $ConfirmPreference = 'None'
        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT
        $cancelled | Should -HaveCount 3
        @(Get-SimRequestLog -Simulator $sim).path | Should -Be @($api.CancelAll)
    }

    It 'shows -Verbose method and path, never the key, secret or signature' {
        $verbose = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $text = ($verbose | ForEach-Object Message) -join "`n"
        $text | Should -Match ([regex]::Escape("POST $($api.CancelAll)"))
        $signature = ((Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)[0].query -split '&signature=')[1]
        $text | Should -Not -Match ([regex]::Escape($account.ApiKey))
        $text | Should -Not -Match ([regex]::Escape($account.SecretKey))
        $text | Should -Not -Match $signature
    }
}

Describe 'Stop-BingXOpenOrder -WhatIf output' {
    It 'names the symbol, the count and every order that would go' {
        $account = New-SimAccount -Simulator $sim
        $orders = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol SOL-USDT -Side BUY -Price '20' -Quantity '1' -Count 2
        # WhatIf text goes to the host, so read it from a child pwsh's stdout.
        $output = (Invoke-ConnectedChildPwsh -Account $account -BaseUri $sim.BaseUri -Command 'Stop-BingXOpenOrder -Symbol SOL-USDT -WhatIf').StdOut
        $output | Should -Match 'What if:'
        $output | Should -Match 'SOL-USDT \(2 open orders\)'
        foreach ($order in $orders) { $output | Should -Match ([string] $order.orderId) }
        $output | Should -Not -Match ([regex]::Escape($account.SecretKey))
        (Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).orders | Where-Object status -NE 'PENDING' | Should -BeNullOrEmpty
    }
}

Describe 'Stop-BingXOpenOrder -All' {
    It 'is the only way to cancel on every symbol, and sends no symbol' {
        $account = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol XRP-USDT -Side SELL -Price '0.6' -Quantity '10'
        Clear-SimRequestLog $sim

        $cancelled = Stop-BingXOpenOrder -All -Force
        $cancelled | Should -HaveCount 3
        $request = @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll)
        $request | Should -HaveCount 1
        $request[0].query | Should -Not -Match 'symbol='
        Get-BingXOpenOrder | Should -BeNullOrEmpty
    }
}

Describe 'Stop-BingXOpenOrder refuses before sending anything' {
    BeforeAll {
        $account = New-ConnectedSimAccount $sim
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001'
    }
    BeforeEach { Clear-SimRequestLog $sim }
    AfterEach {
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty -Because 'nothing may reach the exchange'
        (Get-BingXOpenOrder) | Should -HaveCount 1
    }

    It 'without -Symbol or -All, saying why' {
        $err = { Stop-BingXOpenOrder -Force } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXSymbolRequired,*'
        $err.Exception.Message | Should -Match '-Symbol'
        $err.Exception.Message | Should -Match '-All'
    }

    It 'with -Symbol <Name>' -ForEach @(
        @{ Value = $null; Name = '$null' }
        @{ Value = ''; Name = 'empty' }
        @{ Value = @(); Name = 'an empty array' }
        @{ Value = @('BTC-USDT', $null); Name = 'an array holding $null' }
        @{ Value = 'BTC/USDT'; Name = 'a slash' }
        @{ Value = 'BTCUSDT'; Name = 'no hyphen' }
        @{ Value = 'BTC-USDT&symbol=ETH-USDT'; Name = 'an injection attempt' }
        @{ Value = 'BTC USDT'; Name = 'a space' }
        @{ Value = 'ΒΤC-USDT'; Name = 'Greek letters' }
    ) {
        $err = { Stop-BingXOpenOrder -Symbol $Value -Force } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
    }

    It 'when $null comes down the pipeline' {
        { $null | Stop-BingXOpenOrder -Force -ErrorAction Stop } | Should -Throw
    }

    It 'does nothing for an empty pipeline' {
        @() | Stop-BingXOpenOrder -Force | Should -BeNullOrEmpty
    }

    It 'with both -Credential and -Vault' {
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Credential $account.Credential -Vault x } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXConflictingCredentialParameters,*'
    }

    It 'when connecting to a plain-http address that is not loopback' {
        $err = { Connect-BingX -BaseUri 'http://open-api.bingx.com' -Credential $account.Credential } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXInsecureBaseUri,*'
    }
}

Describe 'Exchange errors become stable ErrorIds' {
    BeforeAll {
        $account = New-ConnectedSimAccount $sim
        $future = [DateTimeOffset]::UtcNow.AddMinutes(10).ToUnixTimeMilliseconds()
    }
    BeforeEach {
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001'
        Clear-SimFault $sim
    }
    AfterEach { Clear-SimFault $sim }

    It 'a 100410 without an unblock time is waited out once (1 s) and retried' {
        $null = Add-SimFault -Simulator $sim -Kind business -Path $api.CancelAll -Code 100410 -Msg 'rate limited' -Count 1
        $cancelled = Stop-BingXOpenOrder -Symbol BTC-USDT -Force
        $cancelled | Should -Not -BeNullOrEmpty
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll | Where-Object code -EQ 100410) | Should -HaveCount 1
    }

    It 'a plain "rate limited" that persists becomes BingXRateLimited after bounded waits' {
        $null = Add-SimFault -Simulator $sim -Kind business -Path $api.CancelAll -Code 100410 -Msg 'rate limited' -Count 3
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXRateLimited,*'
        $err.Exception.RetryAfter | Should -BeNullOrEmpty
    }

    It '<Code> "<Msg>" gives <ErrorId>' -ForEach @(
        @{ Code = 100413; Msg = 'Incorrect apiKey'; ErrorId = 'BingXAuthenticationFailed'; Count = 1 }
        @{ Code = 100001; Msg = 'Signature verification failed'; ErrorId = 'BingXAuthenticationFailed'; Count = 1 }
        @{ Code = 100412; Msg = 'Null signature'; ErrorId = 'BingXAuthenticationFailed'; Count = 1 }
        @{ Code = 100419; Msg = 'IP does not match IP whitelist , please go to https://bingx.com/en/account/api/ to verify the ip you have set'; ErrorId = 'BingXIpNotWhitelisted'; Count = 1 }
        # Timestamp rejections are retried once after a clock sync: inject two so the retry fails too.
        @{ Code = 80014; Msg = 'timestamp is invalid'; ErrorId = 'BingXTimestampRejected'; Count = 2 }
        @{ Code = 100421; Msg = 'Null timestamp or timestamp mismatch, try to run our sample code from the link https://bingx-api.github.io/docs/#/en-us/spot/account-api.html#Query%20Assets'; ErrorId = 'BingXTimestampRejected'; Count = 2 }
        @{ Code = 100410; Msg = "code:100410:The endpoint trigger frequency limit rule is currently in the disabled period and will be unblocked after $([DateTimeOffset]::UtcNow.AddMinutes(10).ToUnixTimeMilliseconds())"; ErrorId = 'BingXRateLimited'; Count = 1 }
        @{ Code = 100410; Msg = "over 20 error code:100202 requests within 480000 ms for this api, please verify and fix it ,can retry after time: $([DateTimeOffset]::UtcNow.AddMinutes(10).ToUnixTimeMilliseconds())"; ErrorId = 'BingXRateLimited'; Count = 1 }
        @{ Code = 100421; Msg = 'This symbol is not tradable by API'; ErrorId = 'BingXApiError'; Count = 1 }
        @{ Code = 100400; Msg = 'Invalid parameters'; ErrorId = 'BingXApiError'; Count = 1 }
    ) {
        $null = Add-SimFault -Simulator $sim -Kind business -Path $api.CancelAll -Code $Code -Msg $Msg -Count $Count
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,BingX.PowerShell.Commands.StopBingXOpenOrderCommand"
        $err.Exception.Code | Should -Be $Code
        $err.Exception.ApiMessage | Should -Be $Msg
        $err.Exception.Message | Should -Match ([regex]::Escape($Msg))
    }

    It 'parses the unblock time of a 100410 into RetryAfter' {
        $null = Add-SimFault -Simulator $sim -Kind business -Path $api.CancelAll -Code 100410 -Msg "code:100410:The endpoint trigger frequency limit rule is currently in the disabled period and will be unblocked after $future"
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force } | Should -Throw -PassThru
        $err.Exception | Should -BeOfType ([BingX.PowerShell.BingXRateLimitedException])
        $err.Exception.RetryAfter.ToUnixTimeMilliseconds() | Should -Be $future
        $err.CategoryInfo.Category | Should -Be 'LimitsExceeded'
    }

    It 'a real wrong secret is an authentication failure (100001 from the simulator''s own check)' {
        $wrong = [pscredential]::new($account.ApiKey, (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force))
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Credential $wrong } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXAuthenticationFailed,*'
        $err.Exception.Code | Should -Be 100001
    }

    It 'a real unknown key is an authentication failure (100413)' {
        $unknown = [pscredential]::new('NoSuchKey0000000000000000000000', (ConvertTo-SecureString 'whatever' -AsPlainText -Force))
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -Credential $unknown } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXAuthenticationFailed,*'
        $err.Exception.Code | Should -Be 100413
    }

    It 'an error about one symbol does not stop the next' {
        $null = Add-SimFault -Simulator $sim -Kind business -Path $api.CancelAll -Code 100204 -Msg 'symbol not exist' -Count 1
        $errors = @()
        $cancelled = Stop-BingXOpenOrder -Symbol ETH-USDT, BTC-USDT -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'BingXSymbolNotFound,*'
        $errors[0].TargetObject | Should -Be 'ETH-USDT'
        $cancelled.Symbol | Sort-Object -Unique | Should -Be 'BTC-USDT'
    }
}

Describe 'Get-BingXOpenOrder' -Tag Core {
    It 'lists open orders as typed objects, per symbol or all, and never the final ones' {
        $account = New-ConnectedSimAccount $sim
        $open = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '29999.99' -Quantity '0.002' -ClientOrderId 'runbook_1'
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side SELL -Price '40000' -Quantity '0.002' -Status CANCELED
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Type TRIGGER_LIMIT -Price '3000' -StopPrice '2900' -Quantity '1' -Status PENDING

        $btc = @(Get-BingXOpenOrder -Symbol BTC-USDT)
        $btc | Should -HaveCount 1
        $btc[0].OrderId | Should -Be ([long] $open[0].orderId)
        $btc[0].ClientOrderId | Should -Be 'runbook_1'
        $btc[0].Side | Should -Be 'BUY'
        $btc[0].Type | Should -Be 'LIMIT'
        $btc[0].Status | Should -Be 'PENDING'
        $btc[0].Price | Should -Be ([decimal] '29999.99')
        $btc[0].Time | Should -BeOfType ([DateTimeOffset])
        $btc[0].Time.Offset | Should -Be ([TimeSpan]::Zero)

        $all = @(Get-BingXOpenOrder)
        $all | Should -HaveCount 2
        $trigger = $all | Where-Object Symbol -EQ 'ETH-USDT'
        $trigger.Type | Should -Be 'TRIGGER_LIMIT'
        $trigger.StopPrice | Should -Be ([decimal] '2900')
        $trigger.Status | Should -Be 'PENDING'
    }

    It 'formats as a table that names the columns an admin looks for' {
        $order = [BingX.PowerShell.BingXOrder] @{ Symbol = 'BTC-USDT'; OrderId = 1735964997957275651; Side = 'BUY'; Type = 'LIMIT'; Status = 'NEW'; Price = 30000; OrigQty = 0.001 }
        $table = $order | Format-Table | Out-String -Width 200
        $table | Should -Match 'Symbol\s+OrderId\s+Side\s+Price\s+Qty\s+Status'
        $table | Should -Match '1735964997957275651'
    }
}

Describe 'BingXOrder for users'' own tests' {
    It 'can be built from a hashtable, and unknown enum values never throw' {
        $order = [BingX.PowerShell.BingXOrder] @{ Symbol = 'BTC-USDT'; OrderId = [long]::MaxValue; Status = 'PARTIALLY_FILLED'; Side = 'SELL'; Price = [decimal] '0.00000398' }
        $order.OrderId | Should -Be ([long]::MaxValue)
        $order.IsOpen | Should -BeTrue
        $order.Price | Should -Be ([decimal] '0.00000398')
        [BingX.PowerShell.BingXOrderStatus]::Unknown | Should -Be 0
    }
}
