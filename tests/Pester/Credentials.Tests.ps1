# Credentials from a SecretManagement vault (the real module when installed, else the stand-in), Connect-BingX and
# Disconnect-BingX, against the simulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -PointBaseUri -VaultPrefix BingXCred -DefaultVault
    $account = New-SimAccount -Simulator $sim
    $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2

    function Assert-NothingSent {
        Get-SimRequestLog -Simulator $sim | Where-Object path -NE $api.ServerTime | Should -BeNullOrEmpty
    }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Reading the secret' {
    BeforeEach {
        Disconnect-BingX
        Clear-SimRequestLog $sim
    }

    It 'reads the secret named BingX from the default vault when not connected' {
        Set-Secret -Name BingX -Secret $account.Credential -Vault $vault
        $orders = Get-BingXOpenOrder -Symbol BTC-USDT
        $orders | Should -HaveCount 2
        (Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders)[0].headers.'X-BX-APIKEY' | Should -Be $account.ApiKey
    }

    It 'accepts a hashtable with <Name> values' -ForEach @(
        @{ Name = 'string'; Secure = $false }
        @{ Name = 'SecureString'; Secure = $true }
    ) {
        $secretKey = if ($Secure) { ConvertTo-SecureString $account.SecretKey -AsPlainText -Force } else { $account.SecretKey }
        Set-Secret -Name "${prefix}Table" -Secret @{ ApiKey = $account.ApiKey; SecretKey = $secretKey } -Vault $vault
        Get-BingXOpenOrder -Symbol BTC-USDT -SecretName "${prefix}Table" | Should -HaveCount 2
    }

    It 'takes -Vault and -SecretName per call' {
        $other = "${prefix}Other"
        Register-SecretVault -ModuleName $vaultModule -Name $other
        Set-Secret -Name Trading -Secret $account.Credential -Vault $other
        Get-BingXOpenOrder -Symbol BTC-USDT -Vault $other -SecretName Trading | Should -HaveCount 2
    }

    It 'takes -Credential without any vault' {
        Get-BingXOpenOrder -Symbol BTC-USDT -Credential $account.Credential | Should -HaveCount 2
    }
}

Describe 'Vault failures are clear, terminating, and send nothing' {
    BeforeEach {
        Disconnect-BingX
        Clear-SimRequestLog $sim
    }
    AfterEach { Assert-NothingSent }

    It 'a missing secret: BingXSecretNotFound, naming Set-Secret' {
        $err = { Stop-BingXOpenOrder -Symbol BTC-USDT -Force -SecretName "${prefix}Missing" } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXSecretNotFound,*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.Exception.Message | Should -Match "${prefix}Missing"
        $err.Exception.Message | Should -Match 'Set-Secret'
    }

    It 'a vault that does not exist: BingXVaultNotFound' {
        $err = { Get-BingXOpenOrder -Vault "${prefix}NoSuchVault" } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXVaultNotFound,*'
        $err.Exception.Message | Should -Match "${prefix}NoSuchVault"
        $err.Exception.Message | Should -Match 'Get-SecretVault'
    }

    It 'a locked vault: BingXVaultLocked, naming how to unlock' {
        $locked = "${prefix}Locked"
        Register-SecretVault -ModuleName $vaultModule -Name $locked -VaultParameters @{ SimulateLocked = $true; SimulatedPassword = 'pw' }
        try {
            $err = { Get-BingXOpenOrder -Vault $locked } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'BingXVaultLocked,*'
            $err.Exception.Message | Should -Match 'Unlock-'
        }
        finally {
            # A locked vault fails every search across vaults, as with the real module: do not leave it registered.
            Unregister-SecretVault -Name $locked
        }
    }

    It 'a secret of the wrong shape (<Name>): BingXSecretInvalid' -ForEach @(
        @{ Name = 'a plain string'; Secret = 'just-a-string' }
        @{ Name = 'a hashtable without SecretKey'; Secret = @{ ApiKey = 'abc' } }
        @{ Name = 'a byte array'; Secret = [byte[]] (1, 2, 3) }
    ) {
        Set-Secret -Name "${prefix}Bad" -Secret $Secret -Vault $vault
        $err = { Get-BingXOpenOrder -SecretName "${prefix}Bad" } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXSecretInvalid,*'
        $err.Exception.Message | Should -Match 'PSCredential'
        $err.Exception.Message | Should -Not -Match 'just-a-string'
    }

    It 'a PSCredential with an empty password: BingXSecretInvalid' {
        Set-Secret -Name "${prefix}Empty" -Secret ([pscredential]::new('somekey', [securestring]::new())) -Vault $vault
        $err = { Get-BingXOpenOrder -SecretName "${prefix}Empty" } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXSecretInvalid,*'
    }

    It 'SecretManagement not installed: BingXSecretManagementNotInstalled, naming Install-PSResource' {
        if ($env:BINGX_SECRETMANAGEMENT -eq 'real') {
            Set-ItResult -Skipped -Because 'the real module is installed on this machine'
            return
        }
        # A child pwsh whose module path holds only PowerShell's own modules.
        $script = "`$env:PSModulePath = Join-Path `$PSHOME 'Modules'; Import-Module '$env:BINGX_MODULE_PATH'; try { Get-BingXOpenOrder } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        $output = @((Invoke-ChildPwsh -Command $script).StdOut -split '\r?\n')
        $output[0] | Should -BeLike 'BingXSecretManagementNotInstalled,*'
        $output[1] | Should -Match 'Install-PSResource Microsoft.PowerShell.SecretManagement'
    }
}

Describe 'Connect-BingX and Disconnect-BingX' {
    BeforeEach {
        Disconnect-BingX
        Clear-SimRequestLog $sim
    }

    It 'reads the secret once, measures the clock, and serves later calls without the vault' {
        Set-Secret -Name "${prefix}Conn" -Secret $account.Credential -Vault $vault
        $info = Connect-BingX -BaseUri $sim.BaseUri -Vault $vault -SecretName "${prefix}Conn" -RecvWindow 6000 -PassThru
        $info | Should -BeOfType ([BingX.PowerShell.BingXConnectionInfo])
        $info.ApiKey | Should -Be ($account.ApiKey.Substring(0, 4) + '...' + $account.ApiKey.Substring($account.ApiKey.Length - 4))
        $info.Source | Should -Match "${prefix}Conn"
        $info.ClockOffset | Should -Not -BeNullOrEmpty
        ($info | Out-String) | Should -Not -Match ([regex]::Escape($account.ApiKey))
        # The clock, then one signed read that proves the key.
        @(Get-SimRequestLog -Simulator $sim).path | Should -Be @($api.ServerTime, $api.Balance)

        # The secret goes away from the vault: the connection still has it.
        Remove-Secret -Name "${prefix}Conn" -Vault $vault
        Get-BingXOpenOrder -Symbol BTC-USDT | Should -HaveCount 2
        (Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders)[0].query | Should -Match 'recvWindow=6000'
    }

    It 'fails at once when the secret cannot be read, and stays disconnected' {
        $err = { Connect-BingX -BaseUri $sim.BaseUri -SecretName "${prefix}Nope" } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXSecretNotFound,*'
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
    }

    It 'fails with BingXNetworkError when the exchange is unreachable' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $err = { Connect-BingX -BaseUri "http://127.0.0.1:$port" -Credential $account.Credential -TimeoutSec 5 } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXNetworkError,*'
    }

    It 'checks the key: a wrong <Name> fails at connect time with BingXAuthenticationFailed, and the session stays as it was' -ForEach @(
        @{ Name = 'secret'; Code = 100001 }
        @{ Name = 'API key'; Code = 100413 }
    ) {
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        $wrong = if ($Code -eq 100001) { [pscredential]::new($account.ApiKey, (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force)) }
        else { [pscredential]::new('NoSuchKey0000000000000000000000', (ConvertTo-SecureString 'whatever' -AsPlainText -Force)) }
        Clear-SimRequestLog $sim

        $err = { Connect-BingX -BaseUri $sim.BaseUri -Credential $wrong } | Should -Throw -ErrorId 'BingXAuthenticationFailed,*' -PassThru
        $err.Exception.Code | Should -Be $Code
        $err.Exception.Message | Should -Match 'Check the -Credential given'
        @(Get-SimRequestLog -Simulator $sim).path | Should -Contain $api.Balance
        # The earlier connection still serves.
        Get-BingXOpenOrder -Symbol BTC-USDT | Should -HaveCount 2
        (Get-SimRequestLog -Simulator $sim -Path $api.OpenOrders)[-1].headers.'X-BX-APIKEY' | Should -Be $account.ApiKey
    }

    It 'a key without the Read permission is still a valid key: Connect-BingX succeeds and says so in verbose' {
        $trader = New-SimAccount -Simulator $sim -Permissions SpotTrading
        $verbose = Connect-BingX -BaseUri $sim.BaseUri -Credential $trader.Credential -Verbose 4>&1 | ForEach-Object Message
        ($verbose -join "`n") | Should -Match 'valid but may not read the balance'
    }

    It '-SkipCheck sends nothing, and a wrong key then fails on the first command' {
        $wrong = [pscredential]::new($account.ApiKey, (ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force))
        $info = Connect-BingX -BaseUri $sim.BaseUri -Credential $wrong -SkipCheck -PassThru
        $info.ClockOffset | Should -BeNullOrEmpty
        Get-SimRequestLog -Simulator $sim | Should -BeNullOrEmpty
        { Get-BingXOpenOrder -Symbol BTC-USDT } | Should -Throw -ErrorId 'BingXAuthenticationFailed,*'
    }

    It 'Disconnect-BingX forgets the credentials' {
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
        Get-BingXOpenOrder -Symbol BTC-USDT | Should -HaveCount 2
        Disconnect-BingX
        $err = { Get-BingXOpenOrder -SecretName "${prefix}Gone" } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'BingXSecretNotFound,*'
    }
}

Describe 'No vault registered' {
    BeforeAll {
        # Only the stand-in's registry can be emptied safely (it is this process's); the real one is the user's.
        $others = @(Get-SecretVault | Where-Object Name -notlike "$prefix*")
    }

    It 'answers BingXVaultNotFound with Register-SecretVault advice, not BingXSecretNotFound' {
        if ($others.Count -gt 0) { Set-ItResult -Skipped -Because "other vaults are registered ($($others.Name -join ', '))"; return }
        Disconnect-BingX
        Clear-SimRequestLog $sim
        Get-SecretVault -Name "$prefix*" | Unregister-SecretVault
        try {
            Get-SecretVault | Should -BeNullOrEmpty
            $err = { Get-BingXOpenOrder -Symbol BTC-USDT -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'BingXVaultNotFound,*' -PassThru
            $err.Exception.Message | Should -Match 'No SecretManagement vault is registered'
            $err.Exception.Message | Should -Match 'Register-SecretVault'
            $err.Exception.Message | Should -Not -Match 'Set-Secret'
            { Connect-BingX -BaseUri $sim.BaseUri -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'BingXVaultNotFound,*'
            Get-SimRequestLog -Simulator $sim | Where-Object path -NE $api.ServerTime | Should -BeNullOrEmpty
        }
        finally {
            Register-SecretVault -ModuleName $vaultModule -Name $vault -DefaultVault -ErrorAction Stop
        }
    }
}

