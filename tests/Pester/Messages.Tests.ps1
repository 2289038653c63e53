# Error and warning texts are built from what really happened: one test per message family, against the simulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -PointBaseUri -VaultPrefix BingXMsg

    function New-WrongCredential([string] $ApiKey) { [pscredential]::new($ApiKey, (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force)) }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'A well-formed symbol the exchange does not list' {
    BeforeAll { $account = New-ConnectedSimAccount $sim }

    It 'Stop-BingXOpenOrder <Mode>: BingXSymbolNotFound naming the symbol and the fix, not the endpoint' -ForEach @(
        @{ Mode = '-Force (the cancel answers)'; Extra = @{ Force = $true } }
        @{ Mode = '-WhatIf (the open-order read answers)'; Extra = @{ WhatIf = $true } }
    ) {
        $null = Stop-BingXOpenOrder -Symbol NOPE-USDT @Extra -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'BingXSymbolNotFound,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 'NOPE-USDT'
        $errors[0].Exception.Message | Should -Match '^BingX lists no spot symbol NOPE-USDT, so nothing was cancelled on it\. Check the spelling: Get-BingXSymbol lists the symbols'
        $errors[0].Exception.Message | Should -Not -Match 'openApi'
    }

    It 'Get-BingXOpenOrder says the same' {
        $null = Get-BingXOpenOrder -Symbol NOPE-USDT -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'BingXSymbolNotFound,*'
        $errors[0].Exception.Message | Should -Match 'NOPE-USDT'
    }
}

Describe 'Authentication advice names where the key came from' {
    BeforeAll { $account = New-SimAccount -Simulator $sim }
    BeforeEach { Disconnect-BingX }

    It '<Code> with -Credential: about the -Credential, not a vault' -ForEach @(
        @{ Code = 100001; Key = 'account' }
        @{ Code = 100413; Key = 'unknown' }
    ) {
        $apiKey = if ($Key -eq 'account') { $account.ApiKey } else { 'NoSuchKey0000000000000000000000' }
        $err = { Get-BingXOpenOrder -Symbol BTC-USDT -Credential (New-WrongCredential $apiKey) } | Should -Throw -ErrorId 'BingXAuthenticationFailed,*' -PassThru
        $err.Exception.Code | Should -Be $Code
        $err.Exception.Message | Should -Match 'Check the -Credential given'
        $err.Exception.Message | Should -Not -Match 'vault'
    }

    It '<Code> from a vault: names the secret and vault' -ForEach @(
        @{ Code = 100001; Key = 'account' }
        @{ Code = 100413; Key = 'unknown' }
    ) {
        $apiKey = if ($Key -eq 'account') { $account.ApiKey } else { 'NoSuchKey0000000000000000000000' }
        Set-Secret -Name "${prefix}Wrong" -Secret (New-WrongCredential $apiKey) -Vault $vault
        $err = { Get-BingXOpenOrder -Symbol BTC-USDT -Vault $vault -SecretName "${prefix}Wrong" } | Should -Throw -ErrorId 'BingXAuthenticationFailed,*' -PassThru
        $err.Exception.Code | Should -Be $Code
        $err.Exception.Message | Should -Match ([regex]::Escape("stored in secret '${prefix}Wrong' in vault '$vault'"))
    }

    It 'a full stop ends the exchange''s message before the advice' {
        $err = { Get-BingXOpenOrder -Symbol BTC-USDT -Credential (New-WrongCredential 'NoSuchKey0000000000000000000000') } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match '[.!?] Check '
        $err.Exception.Message | Should -Not -Match '[^.!?] Check '
    }
}

Describe 'Rate limits: the advice matches what the exchange said' {
    BeforeAll { $account = New-ConnectedSimAccount $sim }
    AfterEach { Clear-SimFault -Simulator $sim }

    It 'no time given: no "time given"' {
        $null = Add-SimFault -Simulator $sim -Kind business -Code 100410 -Msg 'rate limited' -Path $api.CancelAll -Count 5
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -MaxRateLimitWaitSec 0 } | Should -Throw -ErrorId 'BingXRateLimited,*' -PassThru
        $err.Exception.RetryAfter | Should -BeNullOrEmpty
        $err.Exception.Message | Should -Not -Match 'time given'
        $err.Exception.Message | Should -Match 'rate limited\. Wait a few seconds'
    }

    It 'a time given: "until the time given", and the time' {
        $null = Add-SimFault -Simulator $sim -Kind business -Code 100410 -Variant disabled -Path $api.CancelAll
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -MaxRateLimitWaitSec 0 } | Should -Throw -ErrorId 'BingXRateLimited,*' -PassThru
        $err.Exception.RetryAfter | Should -Not -BeNullOrEmpty
        $err.Exception.Message | Should -Match 'Wait until the time given'
        $err.Exception.Message | Should -Match 'The exchange accepts it again at \d{4}-\d\d-\d\d'
    }
}

Describe 'Lost answers' {
    BeforeEach {
        $account = New-ConnectedSimAccount $sim
        $orders = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2)
    }

    It 'three HTTP 500s to a cancel: "may have been carried out" said once' {
        $null = Add-SimFault -Simulator $sim -Kind status -Status 500 -Path $api.CancelAll -Count 3
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force } | Should -Throw -ErrorId 'BingXHttpError,*' -PassThru
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 3
        $err.Exception.OutcomeUnknown | Should -BeTrue
        [regex]::Matches($err.Exception.Message, 'carried out').Count | Should -Be 1 -Because $err.Exception.Message
        $err.Exception.Message | Should -Match 'Earlier attempts lost their answers too'
    }

    It 'a cancel-all that succeeds on retry: no warning (cancelling all twice is cancelling all once)' {
        $null = Add-SimFault -Simulator $sim -Kind drop -AfterProcessing -Path $api.CancelAll
        $null = Stop-BingXOpenOrder -Symbol BTC-USDT -Force -WarningVariable warnings -WarningAction SilentlyContinue
        @(Get-SimRequestLog -Simulator $sim -Path $api.CancelAll) | Should -HaveCount 2
        $warnings | Should -BeNullOrEmpty
        Get-BingXOpenOrder -Symbol BTC-USDT | Should -BeNullOrEmpty
    }

    It 'one order''s cancel that succeeds on retry: no warning (the retry''s success proves the first did not cancel it)' {
        $null = Add-SimFault -Simulator $sim -Kind drop -Path $api.Cancel
        $cancelled = Stop-BingXOrder -Symbol BTC-USDT -OrderId ([long] $orders[0].orderId) -Confirm:$false -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        @(Get-SimRequestLog -Simulator $sim -Path $api.Cancel) | Should -HaveCount 2
        $cancelled.OrderId | Should -Be ([long] $orders[0].orderId)
        $warnings | Should -BeNullOrEmpty
    }
}
