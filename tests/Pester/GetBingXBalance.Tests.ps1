# Get-BingXBalance end to end (account/balance): typed decimals, -Asset filtering, -IncludeZero.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Get-BingXBalance' {
    BeforeAll {
        $account = New-ConnectedSimAccount $sim -Balances @{ USDT = '1234.56789012'; BTC = '0.5'; ETH = '2' }
        # An open BUY locks quote funds (granted on top of the balance by the simulator).
        $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001'
    }
    BeforeEach { Clear-SimRequestLog $sim }

    It 'lists what the account holds as typed decimals: Free, Locked, Total' {
        $balances = @(Get-BingXBalance)

        $balances | ForEach-Object { $_ | Should -BeOfType ([BingX.PowerShell.BingXBalance]) }
        @($balances.Asset | Sort-Object) | Should -Be @('BTC', 'ETH', 'USDT')
        $usdt = $balances | Where-Object Asset -EQ USDT
        $usdt.Free | Should -BeOfType ([decimal])
        $usdt.Free | Should -Be ([decimal] '1234.56789012')
        $usdt.Locked | Should -Be ([decimal] '30')
        $usdt.Total | Should -Be ([decimal] '1264.56789012')
        ($balances | Where-Object Asset -EQ BTC).Free | Should -Be ([decimal] '0.5')

        $requests = @(Get-SimRequestLog -Simulator $sim)
        $requests | Should -HaveCount 1
        $requests[0].method | Should -Be 'GET'
        $requests[0].path | Should -Be $api.Balance
        $requests[0].headers.'X-BX-APIKEY' | Should -Be $account.ApiKey
    }

    It 'filters by -Asset, normalising case, with one request for several assets' {
        $balances = @(Get-BingXBalance -Asset usdt, ' btc ')
        @($balances.Asset) | Should -Be @('USDT', 'BTC')
        @(Get-SimRequestLog -Simulator $sim) | Should -HaveCount 1
    }

    It 'takes assets from the pipeline, still with one request' {
        $balances = @('ETH', 'BTC' | Get-BingXBalance)
        @($balances.Asset) | Should -Be @('ETH', 'BTC')
        @(Get-SimRequestLog -Simulator $sim) | Should -HaveCount 1
    }

    It 'leaves out an asset it does not hold, unless -IncludeZero (then zero)' {
        Get-BingXBalance -Asset DOGE | Should -BeNullOrEmpty
        $zero = Get-BingXBalance -Asset DOGE -IncludeZero
        $zero.Asset | Should -Be 'DOGE'
        $zero.Free | Should -Be 0
        $zero.Locked | Should -Be 0
        $zero.Total | Should -Be 0
        $zero.Total | Should -BeOfType ([decimal])
    }

    It 'writes nothing and sends nothing for an empty pipeline' {
        @() | Get-BingXBalance | Should -BeNullOrEmpty
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
    }

    It 'under de-DE reads decimals exactly' {
        $usdt = Invoke-InCulture de-DE { Get-BingXBalance -Asset USDT }
        $usdt.Free | Should -Be ([decimal] '1234.56789012')
    }

    It 'formats as a table with Asset, Free, Locked and Total' {
        $table = Get-BingXBalance -Asset USDT | Format-Table | Out-String -Width 120
        $table | Should -Match 'Asset\s+Free\s+Locked\s+Total'
        $table | Should -Match 'USDT\s+1234[.,]56789012'
    }
}

Describe 'Get-BingXBalance errors' {
    It 'a key without the Read permission ends the command with BingXPermissionDenied' {
        $null = New-ConnectedSimAccount $sim -Balances @{ USDT = '1' } -Permissions SpotTrading
        $err = { Get-BingXBalance } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXPermissionDenied,*'
        $err.CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}

Describe 'Get-BingXBalance refuses bad input before sending anything' {
    BeforeAll { $null = New-ConnectedSimAccount $sim -Balances @{ USDT = '1' } }
    BeforeEach { Clear-SimRequestLog $sim }
    AfterEach { Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty -Because 'nothing may reach the exchange' }

    It 'with -Asset <Name>' -ForEach @(
        @{ Value = 'BTC-USDT'; Name = 'a symbol' }
        @{ Value = 'US DT'; Name = 'a space' }
        @{ Value = 'USDT&x=1'; Name = 'an injection attempt' }
        @{ Value = 'ÜSDT'; Name = 'a non-ASCII letter' }
        @{ Value = ('A' * 21); Name = '21 characters' }
        @{ Value = ''; Name = 'empty' }
        @{ Value = $null; Name = '$null' }
        @{ Value = @(); Name = 'an empty array' }
    ) {
        $err = { Get-BingXBalance -Asset $Value } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
    }

    It 'names the fix when given a symbol' {
        $err = { Get-BingXBalance -Asset BTC-USDT } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'looks like a symbol'
    }

    It 'with -RecvWindow <_>' -ForEach 0, 60001 {
        { Get-BingXBalance -RecvWindow $_ } | Should -Throw
    }
}
