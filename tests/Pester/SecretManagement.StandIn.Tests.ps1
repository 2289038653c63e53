<#
    Contract tests for Microsoft.PowerShell.SecretManagement as BingX.PowerShell uses it.

    They run against whichever module is active: $env:BINGX_SECRETMANAGEMENT is 'real' (the module from the
    PowerShell Gallery is installed) or 'standin' (tests/SecretManagement, put first on PSModulePath by
    tests/Invoke-PesterRun.ps1). Run alone, this file decides for itself the same way. The expected messages, ErrorIds
    and behaviours are the real module's, read from its source (see tests/SecretManagement/README.md), so a test that
    passes against the stand-in states what the real module does.

    Vaults are registered as BingX.ContractVault (tests/SecretManagement/BingX.ContractVault), an in-memory extension
    vault that behaves like SecretStore: the real module needs a real extension; the stand-in only records the name.
    Every vault is named "<prefix><something>" and unregistered afterwards. Against the real module this touches the
    current user's vault registry, so tests that need an empty registry, or that search or change the default vault,
    skip themselves when the user has vaults of their own.
#>

BeforeAll {
    $script:Mode = $env:BINGX_SECRETMANAGEMENT
    if (-not $script:Mode) {
        # Run standalone: prefer the real module, else put the stand-in first on PSModulePath (as the runner does).
        if (Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement) {
            $script:Mode = 'real'
        }
        else {
            $script:Mode = 'standin'
            $standInRoot = (Resolve-Path (Join-Path $PSScriptRoot '../SecretManagement')).ProviderPath
            $env:PSModulePath = $standInRoot + [IO.Path]::PathSeparator + $env:PSModulePath
        }
    }
    Import-Module Microsoft.PowerShell.SecretManagement -ErrorAction Stop
    $script:StandInManifest = (Resolve-Path (Join-Path $PSScriptRoot '../SecretManagement/Microsoft.PowerShell.SecretManagement/Microsoft.PowerShell.SecretManagement.psd1')).ProviderPath
    $script:VaultModule = (Resolve-Path (Join-Path $PSScriptRoot '../SecretManagement/BingX.ContractVault')).ProviderPath
    $script:Prefix = 'BingXContract' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Real = 'Microsoft.PowerShell.SecretManagement'
    $script:PasswordRequired = "A valid password is required to access the Microsoft.PowerShell.SecretStore vault.`nUse the Unlock-SecretStore cmdlet to provide the required password to access the store."

    function New-TestVault {
        # Registers a uniquely named test vault and returns its name.
        param([string] $Suffix = ([guid]::NewGuid().ToString('N').Substring(0, 6)), [hashtable] $VaultParameters = @{}, [switch] $DefaultVault)

        $name = $script:Prefix + $Suffix
        $arguments = @{ ModuleName = $script:VaultModule; Name = $name; VaultParameters = $VaultParameters }
        if ($PSBoundParameters.ContainsKey('DefaultVault')) {
            $arguments.DefaultVault = [bool] $DefaultVault
        }
        Register-SecretVault @arguments -ErrorAction Stop
        return $name
    }

    function Remove-TestVault {
        Get-SecretVault -Name "$script:Prefix*" | Unregister-SecretVault
    }

    function Skip-UnlessRegistryIsOurs {
        # For tests that search every vault or change the default: only when no vault but ours is registered.
        param([switch] $Empty)

        if ($Empty) {
            Remove-TestVault
        }
        $others = @(Get-SecretVault | Where-Object Name -notlike "$script:Prefix*")
        if ($others.Count -gt 0) {
            Set-ItResult -Skipped -Because "the current user has other vaults registered ($($others.Name -join ', '))"
        }
    }

    function ConvertTo-Plain([securestring] $SecureString) {
        [System.Net.NetworkCredential]::new('', $SecureString).Password
    }

    function New-Credential([string] $UserName, [string] $Password) {
        [pscredential]::new($UserName, (ConvertTo-SecureString -String $Password -AsPlainText -Force))
    }
}

AfterAll {
    Remove-TestVault
}

Describe 'The active module' {
    It 'is the module this run says it is' {
        $module = Get-Module Microsoft.PowerShell.SecretManagement
        $module | Should -Not -BeNullOrEmpty
        if ($script:Mode -eq 'standin') {
            $module.Path | Should -Be ([IO.Path]::ChangeExtension($script:StandInManifest, '.psm1'))
        }
        else {
            $module.Path | Should -Not -BeLike "*$([IO.Path]::DirectorySeparatorChar)tests$([IO.Path]::DirectorySeparatorChar)SecretManagement*"
        }
    }

    It 'provides <_>' -ForEach @(
        'Register-SecretVault', 'Unregister-SecretVault', 'Get-SecretVault', 'Set-SecretVaultDefault', 'Test-SecretVault',
        'Unlock-SecretVault', 'Set-Secret', 'Get-Secret', 'Get-SecretInfo', 'Remove-Secret') {
        Get-Command -Module Microsoft.PowerShell.SecretManagement -Name $_ | Should -Not -BeNullOrEmpty
    }

    It 'resolves module-qualified names to it' {
        (Get-Command Microsoft.PowerShell.SecretManagement\Get-Secret).Module.Path | Should -Be (Get-Module Microsoft.PowerShell.SecretManagement).Path
    }
}

Describe 'Parameters match the real cmdlets' {
    It '<Command> -<Parameter> [<Set>]: position <Position>, mandatory <Mandatory>, from pipeline <Pipeline>' -ForEach @(
        @{ Command = 'Get-Secret'; Parameter = 'Name'; Set = 'NameParameterSet'; Position = 0; Mandatory = $true; Pipeline = $true; Type = [string] }
        @{ Command = 'Get-Secret'; Parameter = 'Vault'; Set = 'NameParameterSet'; Position = 1; Mandatory = $false; Pipeline = $false; Type = [string] }
        @{ Command = 'Get-Secret'; Parameter = 'InputObject'; Set = 'InfoParameterSet'; Position = $null; Mandatory = $true; Pipeline = $true; Type = $null }
        @{ Command = 'Get-Secret'; Parameter = 'AsPlainText'; Set = '__AllParameterSets'; Position = $null; Mandatory = $false; Pipeline = $false; Type = [switch] }
        @{ Command = 'Set-Secret'; Parameter = 'Name'; Set = 'ObjectParameterSet'; Position = 0; Mandatory = $true; Pipeline = $false; Type = [string] }
        @{ Command = 'Set-Secret'; Parameter = 'Name'; Set = 'SecureStringParameterSet'; Position = 0; Mandatory = $true; Pipeline = $false; Type = [string] }
        @{ Command = 'Set-Secret'; Parameter = 'Secret'; Set = 'ObjectParameterSet'; Position = 1; Mandatory = $true; Pipeline = $true; Type = [object] }
        @{ Command = 'Set-Secret'; Parameter = 'SecureStringSecret'; Set = 'SecureStringParameterSet'; Position = 1; Mandatory = $true; Pipeline = $true; Type = [securestring] }
        @{ Command = 'Set-Secret'; Parameter = 'Vault'; Set = 'ObjectParameterSet'; Position = 2; Mandatory = $false; Pipeline = $false; Type = [string] }
        @{ Command = 'Set-Secret'; Parameter = 'Metadata'; Set = 'ObjectParameterSet'; Position = 3; Mandatory = $false; Pipeline = $false; Type = [hashtable] }
        @{ Command = 'Set-Secret'; Parameter = 'NoClobber'; Set = '__AllParameterSets'; Position = $null; Mandatory = $false; Pipeline = $false; Type = [switch] }
        @{ Command = 'Get-SecretInfo'; Parameter = 'Name'; Set = '__AllParameterSets'; Position = 0; Mandatory = $false; Pipeline = $false; Type = [string] }
        @{ Command = 'Get-SecretInfo'; Parameter = 'Vault'; Set = '__AllParameterSets'; Position = 1; Mandatory = $false; Pipeline = $false; Type = [string] }
        @{ Command = 'Remove-Secret'; Parameter = 'Name'; Set = 'NameParameterSet'; Position = 0; Mandatory = $true; Pipeline = $true; Type = [string] }
        @{ Command = 'Remove-Secret'; Parameter = 'Vault'; Set = 'NameParameterSet'; Position = 1; Mandatory = $true; Pipeline = $false; Type = [string] }
        @{ Command = 'Remove-Secret'; Parameter = 'InputObject'; Set = 'InfoParameterSet'; Position = 0; Mandatory = $true; Pipeline = $true; Type = $null }
        @{ Command = 'Get-SecretVault'; Parameter = 'Name'; Set = '__AllParameterSets'; Position = 0; Mandatory = $false; Pipeline = $false; Type = [string[]] }
        @{ Command = 'Register-SecretVault'; Parameter = 'ModuleName'; Set = '__AllParameterSets'; Position = 0; Mandatory = $true; Pipeline = $false; Type = [string] }
        @{ Command = 'Register-SecretVault'; Parameter = 'Name'; Set = '__AllParameterSets'; Position = 1; Mandatory = $false; Pipeline = $false; Type = [string] }
        @{ Command = 'Register-SecretVault'; Parameter = 'VaultParameters'; Set = '__AllParameterSets'; Position = $null; Mandatory = $false; Pipeline = $false; Type = [hashtable] }
        @{ Command = 'Register-SecretVault'; Parameter = 'DefaultVault'; Set = '__AllParameterSets'; Position = $null; Mandatory = $false; Pipeline = $false; Type = [switch] }
        @{ Command = 'Register-SecretVault'; Parameter = 'AllowClobber'; Set = '__AllParameterSets'; Position = $null; Mandatory = $false; Pipeline = $false; Type = [switch] }
        @{ Command = 'Register-SecretVault'; Parameter = 'PassThru'; Set = '__AllParameterSets'; Position = $null; Mandatory = $false; Pipeline = $false; Type = [switch] }
        @{ Command = 'Register-SecretVault'; Parameter = 'Description'; Set = '__AllParameterSets'; Position = $null; Mandatory = $false; Pipeline = $false; Type = [string] }
        @{ Command = 'Unregister-SecretVault'; Parameter = 'Name'; Set = 'NameParameterSet'; Position = 0; Mandatory = $true; Pipeline = $true; Type = [string[]] }
        @{ Command = 'Unregister-SecretVault'; Parameter = 'SecretVault'; Set = 'SecretVaultParameterSet'; Position = 0; Mandatory = $true; Pipeline = $true; Type = $null }
        @{ Command = 'Set-SecretVaultDefault'; Parameter = 'Name'; Set = 'NameParameterSet'; Position = 0; Mandatory = $true; Pipeline = $true; Type = [string] }
        @{ Command = 'Set-SecretVaultDefault'; Parameter = 'ClearDefault'; Set = 'ClearParameterSet'; Position = $null; Mandatory = $false; Pipeline = $false; Type = [switch] }
        @{ Command = 'Test-SecretVault'; Parameter = 'Name'; Set = '__AllParameterSets'; Position = 0; Mandatory = $false; Pipeline = $true; Type = [string[]] }
        @{ Command = 'Unlock-SecretVault'; Parameter = 'Name'; Set = '__AllParameterSets'; Position = 0; Mandatory = $true; Pipeline = $false; Type = [string] }
        @{ Command = 'Unlock-SecretVault'; Parameter = 'Password'; Set = '__AllParameterSets'; Position = 1; Mandatory = $true; Pipeline = $false; Type = [securestring] }
    ) {
        $metadata = (Get-Command -Module Microsoft.PowerShell.SecretManagement -Name $Command).Parameters[$Parameter]
        $metadata | Should -Not -BeNullOrEmpty
        $set = $metadata.ParameterSets[$Set]
        $set | Should -Not -BeNullOrEmpty
        $set.Position | Should -Be $(if ($null -eq $Position) { [int]::MinValue } else { $Position })
        $set.IsMandatory | Should -Be $Mandatory
        $set.ValueFromPipeline | Should -Be $Pipeline
        if ($Type) { $metadata.ParameterType | Should -Be $Type }
    }

    It '<_[0]> has the default parameter set <_[1]>' -ForEach @(
        , @('Get-Secret', 'NameParameterSet')
        , @('Set-Secret', 'SecureStringParameterSet')
        , @('Unregister-SecretVault', 'NameParameterSet')
        , @('Set-SecretVaultDefault', 'NameParameterSet')) {
        (Get-Command -Module Microsoft.PowerShell.SecretManagement -Name $_[0]).DefaultParameterSet | Should -Be $_[1]
    }

    It '<_> supports -WhatIf' -ForEach @('Register-SecretVault', 'Unregister-SecretVault', 'Set-SecretVaultDefault', 'Set-Secret', 'Remove-Secret') {
        (Get-Command -Module Microsoft.PowerShell.SecretManagement -Name $_).Parameters.ContainsKey('WhatIf') | Should -BeTrue
    }
}

Describe 'Vault registration' {
    AfterEach {
        Remove-TestVault
    }

    It 'makes the first vault registered the default, and later ones not' {
        Skip-UnlessRegistryIsOurs -Empty
        $first = New-TestVault -Suffix First
        $second = New-TestVault -Suffix Second

        (Get-SecretVault -Name $first).IsDefault | Should -BeTrue
        (Get-SecretVault -Name $second).IsDefault | Should -BeFalse
    }

    It 'moves the default with -DefaultVault, Set-SecretVaultDefault and -ClearDefault' {
        Skip-UnlessRegistryIsOurs -Empty
        $first = New-TestVault -Suffix First
        $second = New-TestVault -Suffix Second -DefaultVault

        (Get-SecretVault | Where-Object IsDefault).Name | Should -Be $second
        Set-SecretVaultDefault -Name $first
        (Get-SecretVault | Where-Object IsDefault).Name | Should -Be $first
        Get-SecretVault -Name $second | Set-SecretVaultDefault
        (Get-SecretVault | Where-Object IsDefault).Name | Should -Be $second
        Set-SecretVaultDefault -ClearDefault
        Get-SecretVault | Where-Object IsDefault | Should -BeNullOrEmpty
    }

    It 'leaves no default when the default vault is unregistered' {
        Skip-UnlessRegistryIsOurs -Empty
        $first = New-TestVault -Suffix First
        $null = New-TestVault -Suffix Second
        Unregister-SecretVault -Name $first
        Get-SecretVault | Where-Object IsDefault | Should -BeNullOrEmpty
    }

    It 'returns SecretVaultInfo with -PassThru and from Get-SecretVault' {
        $name = $script:Prefix + 'Info'
        $info = Register-SecretVault -ModuleName $script:VaultModule -Name $name -Description 'Contract vault' -VaultParameters @{ Region = 'eu' } -PassThru

        $info.pstypenames | Should -Contain "$script:Real.SecretVaultInfo"
        $info.Name | Should -Be $name
        $info.ModuleName | Should -Be 'BingX.ContractVault'
        $info.Description | Should -Be 'Contract vault'
        $info.VaultParameters['Region'] | Should -Be 'eu'
        $info.IsDefault | Should -BeOfType [bool]
        (Get-SecretVault -Name $name).ModuleName | Should -Be 'BingX.ContractVault'
    }

    It 'names the vault after the module when -Name is omitted' {
        Skip-UnlessRegistryIsOurs
        if (Get-SecretVault -Name 'BingX.ContractVault' -ErrorAction Ignore) { Set-ItResult -Skipped -Because 'a vault of that name exists' }
        try {
            Register-SecretVault -ModuleName $script:VaultModule
            (Get-SecretVault -Name 'BingX.ContractVault').ModuleName | Should -Be 'BingX.ContractVault'
        }
        finally {
            Unregister-SecretVault -Name 'BingX.ContractVault' -ErrorAction Ignore
        }
    }

    It 'refuses a name already in use with a terminating RegisterSecretVaultInvalidVaultName error' {
        $name = New-TestVault -Suffix Twice
        $thrown = { Register-SecretVault -ModuleName $script:VaultModule -Name $name -ErrorAction SilentlyContinue } | Should -Throw -PassThru

        $thrown.Exception.Message | Should -BeExactly 'Provided Name for vault is already being used.'
        $thrown.FullyQualifiedErrorId | Should -BeExactly "RegisterSecretVaultInvalidVaultName,$script:Real.RegisterSecretVaultCommand"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 're-registers a name with -AllowClobber and keeps the secrets stored under it' {
        $name = New-TestVault -Suffix Clobber
        Set-Secret -Name kept -Secret 'value' -Vault $name
        Register-SecretVault -ModuleName $script:VaultModule -Name $name -Description 'again' -AllowClobber

        (Get-SecretVault -Name $name).Description | Should -Be 'again'
        Get-Secret -Name kept -Vault $name -AsPlainText | Should -Be 'value'
    }

    It "refuses 'Verbose' in -VaultParameters with a terminating error" {
        $thrown = { Register-SecretVault -ModuleName $script:VaultModule -Name ($script:Prefix + 'Verbose') -VaultParameters @{ Verbose = $true } } | Should -Throw -PassThru

        $thrown.Exception.Message | Should -BeExactly "The 'Verbose' parameter name is reserved and cannot be used in 'VaultParameters'"
        $thrown.FullyQualifiedErrorId | Should -BeExactly "RegisterSecretVaultCommandCannotUseReservedName,$script:Real.RegisterSecretVaultCommand"
        Get-SecretVault -Name ($script:Prefix + 'Verbose') -ErrorAction Ignore | Should -BeNullOrEmpty
    }

    It 'registers nothing with -WhatIf' {
        Register-SecretVault -ModuleName $script:VaultModule -Name ($script:Prefix + 'WhatIf') -WhatIf
        Get-SecretVault -Name ($script:Prefix + 'WhatIf') -ErrorAction Ignore | Should -BeNullOrEmpty
    }

    It 'unregisters by name with wildcards, and from Get-SecretVault through the pipeline' {
        $null = New-TestVault -Suffix WildA
        $null = New-TestVault -Suffix WildB
        $piped = New-TestVault -Suffix Piped

        Unregister-SecretVault -Name "$($script:Prefix)Wild*"
        Get-SecretVault -Name "$($script:Prefix)Wild*" | Should -BeNullOrEmpty
        Get-SecretVault -Name $piped | Unregister-SecretVault
        Get-SecretVault -Name "$script:Prefix*" | Should -BeNullOrEmpty
    }

    It 'reports an unknown vault in Get-SecretVault with a non-terminating GetSecretVaultNotFound error' {
        $known = New-TestVault -Suffix Known
        $found = Get-SecretVault -Name 'NoSuchVault', $known -ErrorVariable errors -ErrorAction SilentlyContinue

        $found.Name | Should -Be $known
        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeExactly 'Vault NoSuchVault does not exist in registry.'
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "GetSecretVaultNotFound,$script:Real.GetSecretVaultCommand"
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports an unknown vault in Unregister-SecretVault with a non-terminating error' {
        $null = Unregister-SecretVault -Name 'NoSuchVault' -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeExactly 'Unable to find secret vault NoSuchVault to unregister it.'
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "UnregisterSecretVaultObjectNotFound,$script:Real.UnregisterSecretVaultCommand"
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports an unknown vault in Set-SecretVaultDefault with a terminating VaultNotFound error' {
        $thrown = { Set-SecretVaultDefault -Name 'NoSuchVault' -ErrorAction SilentlyContinue } | Should -Throw -PassThru

        $thrown.Exception.Message | Should -BeExactly 'Vault name was not found.'
        $thrown.FullyQualifiedErrorId | Should -BeExactly "VaultNotFound,$script:Real.SetSecretVaultDefaultCommand"
        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'passes Test-SecretVault for a working vault and reports an unknown one' {
        $name = New-TestVault -Suffix Test
        Test-SecretVault -Name $name | Should -BeTrue

        $result = Test-SecretVault -Name 'NoSuchVault' -ErrorVariable errors -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $errors[0].Exception.Message | Should -BeExactly 'Vault NoSuchVault does not exist in registry.'
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "TestSecretVaultNotFound,$script:Real.TestSecretVaultCommand"
    }
}

Describe 'Get-Secret returns each stored type as the real module does' {
    BeforeAll {
        $script:Vault = New-TestVault -Suffix Types
        $script:Bytes = [byte[]] @(0, 1, 2, 254, 255)
        Set-Secret -Name str -Secret 'plain-value' -Vault $script:Vault
        Set-Secret -Name sec -SecureStringSecret (ConvertTo-SecureString -String 'secure-value' -AsPlainText -Force) -Vault $script:Vault
        Set-Secret -Name cred -Secret (New-Credential 'api-key-id' 'api-secret') -Vault $script:Vault
        Set-Secret -Name bytes -Secret $script:Bytes -Vault $script:Vault
        Set-Secret -Name table -Vault $script:Vault -Secret @{
            ApiKey    = 'key-123'
            ApiSecret = (ConvertTo-SecureString -String 'secret-456' -AsPlainText -Force)
            Login     = (New-Credential 'user' 'pass')
            Blob      = [byte[]] @(7, 8)
        }
    }

    AfterAll {
        Remove-TestVault
    }

    It 'a string: SecureString, or string with -AsPlainText' {
        $secret = Get-Secret -Name str -Vault $script:Vault
        $secret | Should -BeOfType [securestring]
        ConvertTo-Plain $secret | Should -BeExactly 'plain-value'
        Get-Secret -Name str -Vault $script:Vault -AsPlainText | Should -BeOfType [string]
        Get-Secret -Name str -Vault $script:Vault -AsPlainText | Should -BeExactly 'plain-value'
    }

    It 'a SecureString: SecureString, or string with -AsPlainText' {
        $secret = Get-Secret -Name sec -Vault $script:Vault
        $secret | Should -BeOfType [securestring]
        ConvertTo-Plain $secret | Should -BeExactly 'secure-value'
        Get-Secret -Name sec -Vault $script:Vault -AsPlainText | Should -BeExactly 'secure-value'
    }

    It 'a PSCredential: PSCredential, with or without -AsPlainText' {
        foreach ($secret in (Get-Secret -Name cred -Vault $script:Vault), (Get-Secret -Name cred -Vault $script:Vault -AsPlainText)) {
            $secret | Should -BeOfType [pscredential]
            $secret.UserName | Should -BeExactly 'api-key-id'
            $secret.GetNetworkCredential().Password | Should -BeExactly 'api-secret'
        }
    }

    It 'a byte[]: one byte[] object (not enumerated), with or without -AsPlainText' {
        foreach ($plain in $false, $true) {
            $results = @(Get-Secret -Name bytes -Vault $script:Vault -AsPlainText:$plain)
            $results.Count | Should -Be 1
            $results[0] -is [byte[]] | Should -BeTrue
            [Convert]::ToBase64String($results[0]) | Should -Be ([Convert]::ToBase64String($script:Bytes))
        }
    }

    It 'a Hashtable: string values become SecureString; SecureString, PSCredential and byte[] values are unchanged' {
        $table = Get-Secret -Name table -Vault $script:Vault
        $table | Should -BeOfType [hashtable]
        $table['ApiKey'] | Should -BeOfType [securestring]
        ConvertTo-Plain $table['ApiKey'] | Should -BeExactly 'key-123'
        $table['ApiSecret'] | Should -BeOfType [securestring]
        ConvertTo-Plain $table['ApiSecret'] | Should -BeExactly 'secret-456'
        $table['Login'] | Should -BeOfType [pscredential]
        $table['Blob'] -is [byte[]] | Should -BeTrue
    }

    It 'a Hashtable with -AsPlainText: string and SecureString values become strings' {
        $table = Get-Secret -Name table -Vault $script:Vault -AsPlainText
        $table['ApiKey'] | Should -BeExactly 'key-123'
        $table['ApiSecret'] | Should -BeExactly 'secret-456'
        $table['Login'] | Should -BeOfType [pscredential]
        $table['Login'].GetNetworkCredential().Password | Should -BeExactly 'pass'
        [Convert]::ToBase64String($table['Blob']) | Should -Be ([Convert]::ToBase64String([byte[]] @(7, 8)))
    }

    It 'a Hashtable comes back with case-SENSITIVE keys (unlike a @{} literal)' {
        $table = Get-Secret -Name table -Vault $script:Vault -AsPlainText
        $table.ContainsKey('ApiKey') | Should -BeTrue
        $table.ContainsKey('apikey') | Should -BeFalse
        $table['apikey'] | Should -BeNullOrEmpty
    }

    It 'reports the type of <Name> as <Type> in Get-SecretInfo' -ForEach @(
        @{ Name = 'str'; Type = 'String' }
        @{ Name = 'sec'; Type = 'SecureString' }
        @{ Name = 'cred'; Type = 'PSCredential' }
        @{ Name = 'bytes'; Type = 'ByteArray' }
        @{ Name = 'table'; Type = 'Hashtable' }
    ) {
        $info = Get-SecretInfo -Name $Name -Vault $script:Vault
        $info.Type.ToString() | Should -Be $Type
        $info.Type | Should -Be ([Microsoft.PowerShell.SecretManagement.SecretType] $Type)
    }

    It 'stores a copy: disposing the caller''s SecureString or editing a returned byte[] changes nothing' {
        $secure = ConvertTo-SecureString -String 'disposable' -AsPlainText -Force
        Set-Secret -Name disposed -SecureStringSecret $secure -Vault $script:Vault
        $secure.Dispose()
        Get-Secret -Name disposed -Vault $script:Vault -AsPlainText | Should -BeExactly 'disposable'

        $returned = Get-Secret -Name bytes -Vault $script:Vault
        $returned[0] = 99
        [Convert]::ToBase64String((Get-Secret -Name bytes -Vault $script:Vault)) | Should -Be ([Convert]::ToBase64String($script:Bytes))
    }

    It 'refuses <Case> with a non-terminating SetSecretInvalidOperation error' -ForEach @(
        @{ Case = 'an int'; Value = 42 }
        @{ Case = 'a Hashtable with an int value'; Value = @{ Port = 443 } }
    ) {
        Set-Secret -Name unsupported -Secret $Value -Vault $script:Vault -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeExactly "Unable to add secret unsupported to vault $script:Vault"
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "SetSecretInvalidOperation,$script:Real.SetSecretCommand"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        Get-SecretInfo -Name unsupported -Vault $script:Vault | Should -BeNullOrEmpty
    }
}

Describe 'Set-Secret, Get-SecretInfo and Remove-Secret' {
    BeforeAll {
        $script:Vault = New-TestVault -Suffix Ops
        $script:Other = New-TestVault -Suffix OpsOther
    }

    AfterAll {
        Remove-TestVault
    }

    It 'takes the secret from the pipeline' {
        'piped-value' | Set-Secret -Name piped -Vault $script:Vault
        Get-Secret -Name piped -Vault $script:Vault -AsPlainText | Should -BeExactly 'piped-value'
    }

    It 'overwrites an existing secret, and refuses with a terminating error under -NoClobber' {
        Set-Secret -Name twice -Secret 'first' -Vault $script:Vault
        Set-Secret -Name twice -Secret 'second' -Vault $script:Vault
        Get-Secret -Name twice -Vault $script:Vault -AsPlainText | Should -BeExactly 'second'

        $thrown = { Set-Secret -Name twice -Secret 'third' -Vault $script:Vault -NoClobber -ErrorAction SilentlyContinue } | Should -Throw -PassThru
        $thrown.Exception.Message | Should -BeExactly "A secret with name twice already exists in vault $script:Vault."
        $thrown.FullyQualifiedErrorId | Should -BeExactly "SetSecretCommandAlreadyExistsWithNoClobber,$script:Real.SetSecretCommand"
        $thrown.CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Secret -Name twice -Vault $script:Vault -AsPlainText | Should -BeExactly 'second'
    }

    It 'stores nothing with -WhatIf' {
        Set-Secret -Name whatif -Secret 'x' -Vault $script:Vault -WhatIf
        Get-SecretInfo -Name whatif -Vault $script:Vault | Should -BeNullOrEmpty
    }

    It 'keeps metadata, and an overwrite without -Metadata clears it' {
        Set-Secret -Name meta -Secret 'x' -Vault $script:Vault -Metadata @{ Purpose = 'trading'; Version = 2 }
        $info = Get-SecretInfo -Name meta -Vault $script:Vault
        $info.Metadata['Purpose'] | Should -Be 'trading'
        $info.Metadata['Version'] | Should -Be 2
        $info.Metadata.GetType().FullName | Should -BeLike 'System.Collections.ObjectModel.ReadOnlyDictionary*'

        Set-Secret -Name meta -Secret 'y' -Vault $script:Vault
        (Get-SecretInfo -Name meta -Vault $script:Vault).Metadata.Count | Should -Be 0
    }

    It 'lists secrets with wildcards, sorted by name, as SecretInformation' {
        'zeta', 'Alpha', 'beta' | ForEach-Object { Set-Secret -Name "list-$_" -Secret 'x' -Vault $script:Vault }
        $infos = Get-SecretInfo -Name 'LIST-*' -Vault $script:Vault

        $infos.Name | Should -Be @('list-Alpha', 'list-beta', 'list-zeta')
        $infos[0].pstypenames | Should -Contain "$script:Real.SecretInformation"
        $infos[0].VaultName | Should -Be $script:Vault
        $infos[0].Type.ToString() | Should -Be 'String'
    }

    It 'reads the vault named by a piped SecretInformation' {
        Set-Secret -Name same -Secret 'from-first' -Vault $script:Vault
        Set-Secret -Name same -Secret 'from-other' -Vault $script:Other
        Get-SecretInfo -Name same -Vault $script:Other | Get-Secret -AsPlainText | Should -BeExactly 'from-other'
    }

    It 'takes secret names from the pipeline, going on after one is missing' {
        Set-Secret -Name present -Secret 'here' -Vault $script:Vault
        $values = 'missing', 'present' | Get-Secret -Vault $script:Vault -AsPlainText -ErrorVariable errors -ErrorAction SilentlyContinue

        $values | Should -Be 'here'
        $errors.Count | Should -Be 1
    }

    It 'removes a secret by name, and one piped from Get-SecretInfo' {
        Set-Secret -Name gone1 -Secret 'x' -Vault $script:Vault
        Set-Secret -Name gone2 -Secret 'x' -Vault $script:Vault
        Remove-Secret -Name gone1 -Vault $script:Vault
        Get-SecretInfo -Name gone2 -Vault $script:Vault | Remove-Secret

        Get-SecretInfo -Name 'gone*' -Vault $script:Vault | Should -BeNullOrEmpty
    }

    It 'reports removing a missing secret with a non-terminating error relayed from the vault' {
        Remove-Secret -Name never -Vault $script:Vault -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeExactly "Remove-Secret error in vault $script:Vault : Secret not found"
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "SecretStoreRemoveSecretFailed,$script:Real.RemoveSecretCommand"
    }
}

Describe 'Get-Secret errors' {
    BeforeAll {
        $script:Vault = New-TestVault -Suffix Errors
    }

    AfterAll {
        Remove-TestVault
    }

    It 'a secret missing from the named vault: non-terminating GetSecretNotFound' {
        $result = Get-Secret -Name missing -Vault $script:Vault -ErrorVariable errors -ErrorAction SilentlyContinue
        $after = 'the statement after it still runs'

        $result | Should -BeNullOrEmpty
        $after | Should -Not -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].Exception | Should -BeOfType [System.Management.Automation.ItemNotFoundException]
        $errors[0].Exception.Message | Should -BeExactly 'The secret missing was not found.'
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "GetSecretNotFound,$script:Real.GetSecretCommand"
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'a secret missing, with -ErrorAction Stop: throws the same error' {
        $thrown = { Get-Secret -Name missing -Vault $script:Vault -ErrorAction Stop } | Should -Throw -PassThru
        $thrown.FullyQualifiedErrorId | Should -BeExactly "GetSecretNotFound,$script:Real.GetSecretCommand"
        $thrown.Exception.Message | Should -BeExactly 'The secret missing was not found.'
    }

    It 'a secret missing from every vault: non-terminating GetSecretNotFound' {
        Skip-UnlessRegistryIsOurs
        $null = Get-Secret -Name 'missing-everywhere' -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeExactly 'The secret missing-everywhere was not found.'
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "GetSecretNotFound,$script:Real.GetSecretCommand"
    }

    It '<Command> naming a vault that is not registered: terminating GetSecretVaultNotFound' -ForEach @(
        @{ Command = 'Get-Secret'; Type = 'GetSecretCommand'; Call = { Get-Secret -Name x -Vault NoSuchVault -ErrorAction SilentlyContinue } }
        @{ Command = 'Get-SecretInfo'; Type = 'GetSecretInfoCommand'; Call = { Get-SecretInfo -Name x -Vault NoSuchVault -ErrorAction SilentlyContinue } }
        @{ Command = 'Set-Secret'; Type = 'SetSecretCommand'; Call = { Set-Secret -Name x -Secret 'y' -Vault NoSuchVault -ErrorAction SilentlyContinue } }
        @{ Command = 'Remove-Secret'; Type = 'RemoveSecretCommand'; Call = { Remove-Secret -Name x -Vault NoSuchVault -ErrorAction SilentlyContinue } }
        @{ Command = 'Unlock-SecretVault'; Type = 'UnlockSecretVaultCommand'; Call = { Unlock-SecretVault -Name NoSuchVault -Password (ConvertTo-SecureString -String 'p' -AsPlainText -Force) -ErrorAction SilentlyContinue } }
    ) {
        $thrown = $Call | Should -Throw -PassThru
        $thrown.Exception.Message | Should -BeExactly 'Vault not found in registry: NoSuchVault'
        $thrown.FullyQualifiedErrorId | Should -BeExactly "GetSecretVaultNotFound,$script:Real.$Type"
        $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'No vault registered, no default vault' {
    AfterEach {
        Remove-TestVault
    }

    It 'Get-Secret warns that no vault is registered and reports GetSecretNotFound' {
        Skip-UnlessRegistryIsOurs -Empty
        $null = Get-Secret -Name anything -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue

        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match 'There are currently no extension vaults registered\.'
        $warnings[0].Message | Should -Match 'At least one vault must be registered before SecretManagement can add or retrieve secrets\.'
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "GetSecretNotFound,$script:Real.GetSecretCommand"
    }

    It 'Get-SecretVault returns nothing, without a warning or an error' {
        # PowerShell/SecretManagement src/code/SecretManagement.cs, GetSecretVaultCommand.EndProcessing: lists the
        # registered vaults matching -Name (default '*'); unlike Get-Secret it does not call CheckForRegisteredVaults.
        Skip-UnlessRegistryIsOurs -Empty
        $found = @(Get-SecretVault -WarningVariable warnings -ErrorVariable errors)
        $found.Count | Should -Be 0
        $warnings.Count | Should -Be 0
        $errors.Count | Should -Be 0
    }

    It 'Get-SecretInfo warns and returns nothing' {
        Skip-UnlessRegistryIsOurs -Empty
        Get-SecretInfo -WarningVariable warnings -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        $warnings.Count | Should -Be 1
    }

    It 'Set-Secret without -Vault and no default vault: terminating SetSecretCommandFailNoVault' {
        Skip-UnlessRegistryIsOurs -Empty
        $thrown = { Set-Secret -Name x -Secret 'y' -WarningAction SilentlyContinue -ErrorAction SilentlyContinue } | Should -Throw -PassThru

        $thrown.Exception.Message | Should -BeExactly 'Unable to set secret because no vault was provided and there is no default vault designated.'
        $thrown.FullyQualifiedErrorId | Should -BeExactly "SetSecretCommandFailNoVault,$script:Real.SetSecretCommand"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'with vaults but no default: Set-Secret without -Vault fails, Get-Secret still searches every vault' {
        Skip-UnlessRegistryIsOurs -Empty
        $null = New-TestVault -Suffix NoDefaultA
        $second = New-TestVault -Suffix NoDefaultB
        Set-SecretVaultDefault -ClearDefault
        Set-Secret -Name findme -Secret 'found' -Vault $second

        { Set-Secret -Name x -Secret 'y' -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'SetSecretCommandFailNoVault*'
        Get-Secret -Name findme -AsPlainText | Should -BeExactly 'found'
    }

    It 'looks in the default vault first, then the others in name order' {
        Skip-UnlessRegistryIsOurs -Empty
        $a = New-TestVault -Suffix OrderA
        $b = New-TestVault -Suffix OrderB
        $c = New-TestVault -Suffix OrderC
        Set-Secret -Name shared -Secret 'from-b' -Vault $b
        Set-Secret -Name shared -Secret 'from-c' -Vault $c
        Set-SecretVaultDefault -Name $c
        Get-Secret -Name shared -AsPlainText | Should -BeExactly 'from-c'
        Set-SecretVaultDefault -Name $a
        Get-Secret -Name shared -AsPlainText | Should -BeExactly 'from-b'
        Set-Secret -Name implicit -Secret 'to-default'
        Get-Secret -Name implicit -Vault $a -AsPlainText | Should -BeExactly 'to-default'
    }
}

Describe 'A locked vault (a SecretStore vault that needs Unlock-SecretStore)' {
    BeforeEach {
        $script:Locked = New-TestVault -Suffix "Locked$([guid]::NewGuid().ToString('N').Substring(0, 4))" -VaultParameters @{ SimulateLocked = $true; SimulatedPassword = 'vault-pass' }
        $script:Password = ConvertTo-SecureString -String 'vault-pass' -AsPlainText -Force
    }

    AfterEach {
        Remove-TestVault
    }

    It 'Get-Secret -Vault: a non-terminating GetSecretException carrying PasswordRequiredException, and no not-found error' {
        $result = Get-Secret -Name key -Vault $script:Locked -ErrorVariable errors -ErrorAction SilentlyContinue

        $result | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].Exception.GetType().FullName | Should -Be "$script:Real.PasswordRequiredException"
        $errors[0].Exception | Should -BeOfType [System.InvalidOperationException]
        $errors[0].Exception.Message | Should -BeExactly $script:PasswordRequired
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "GetSecretException,$script:Real.GetSecretCommand"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'Get-Secret when the locked vault is the default: a terminating PasswordRequiredException' {
        Skip-UnlessRegistryIsOurs
        Set-SecretVaultDefault -Name $script:Locked
        $thrown = { Get-Secret -Name key -ErrorAction SilentlyContinue } | Should -Throw -PassThru

        $thrown.Exception.GetType().FullName | Should -Be "$script:Real.PasswordRequiredException"
        $thrown.Exception.Message | Should -BeExactly $script:PasswordRequired
        $thrown.FullyQualifiedErrorId | Should -BeExactly "$script:Real.PasswordRequiredException,$script:Real.GetSecretCommand"
        $thrown.CategoryInfo.Category | Should -Be 'NotSpecified'
    }

    It 'Get-Secret searching every vault past a locked one: GetSecretException, then the next vault is searched' {
        Skip-UnlessRegistryIsOurs
        $open = New-TestVault -Suffix 'ZOpen'
        Set-SecretVaultDefault -Name $open
        $null = Get-Secret -Name nowhere -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors.FullyQualifiedErrorId | Should -Be @("GetSecretException,$script:Real.GetSecretCommand", "GetSecretNotFound,$script:Real.GetSecretCommand")
    }

    It 'Unlock-SecretVault with the password unlocks it' {
        Unlock-SecretVault -Name $script:Locked -Password $script:Password
        Set-Secret -Name key -Secret 'unlocked-value' -Vault $script:Locked
        Get-Secret -Name key -Vault $script:Locked -AsPlainText | Should -BeExactly 'unlocked-value'
    }

    It 'Unlock-SecretVault with a wrong password: a terminating PasswordRequiredException, still locked' {
        $wrong = ConvertTo-SecureString -String 'wrong' -AsPlainText -Force
        $thrown = { Unlock-SecretVault -Name $script:Locked -Password $wrong -ErrorAction SilentlyContinue } | Should -Throw -PassThru

        $thrown.Exception.Message | Should -BeExactly 'Unable to unlock Microsoft.PowerShell.SecretStore vault. Password is invalid.'
        $thrown.FullyQualifiedErrorId | Should -BeExactly "$script:Real.PasswordRequiredException,$script:Real.UnlockSecretVaultCommand"
        { Get-Secret -Name key -Vault $script:Locked -ErrorAction Stop } | Should -Throw -ErrorId 'GetSecretException*'
    }

    It 'Get-SecretInfo: a non-terminating GetSecretInfoException, no output' {
        $infos = Get-SecretInfo -Vault $script:Locked -ErrorVariable errors -ErrorAction SilentlyContinue

        $infos | Should -BeNullOrEmpty
        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeExactly $script:PasswordRequired
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "GetSecretInfoException,$script:Real.GetSecretInfoCommand"
    }

    It '<Command>: a terminating PasswordRequiredException' -ForEach @(
        @{ Command = 'Set-Secret'; Type = 'SetSecretCommand'; Call = { Set-Secret -Name key -Secret 'v' -Vault $script:Locked -ErrorAction SilentlyContinue } }
        @{ Command = 'Remove-Secret'; Type = 'RemoveSecretCommand'; Call = { Remove-Secret -Name key -Vault $script:Locked -ErrorAction SilentlyContinue } }
    ) {
        $thrown = $Call | Should -Throw -PassThru
        $thrown.Exception.Message | Should -BeExactly $script:PasswordRequired
        $thrown.FullyQualifiedErrorId | Should -BeExactly "$script:Real.PasswordRequiredException,$script:Real.$Type"
    }

    It 'Test-SecretVault: False, with an error' {
        Test-SecretVault -Name $script:Locked -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeFalse
        $errors.Count | Should -BeGreaterThan 0
    }
}

Describe 'Every runspace of the process sees the same vaults and secrets' {
    BeforeAll {
        $script:Vault = New-TestVault -Suffix Shared
    }

    AfterAll {
        Remove-TestVault
    }

    It 'ForEach-Object -Parallel reads a secret set in the parent' {
        Set-Secret -Name 'from-parent' -Secret 'parent-value' -Vault $script:Vault
        $vault = $script:Vault
        $values = 1..4 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Microsoft.PowerShell.SecretManagement\Get-Secret -Name 'from-parent' -Vault $using:vault -AsPlainText
        }
        $values | Should -Be @('parent-value', 'parent-value', 'parent-value', 'parent-value')
    }

    It 'the parent reads secrets set in ForEach-Object -Parallel runspaces' {
        $vault = $script:Vault
        1..6 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Microsoft.PowerShell.SecretManagement\Set-Secret -Name "from-child-$_" -Secret "child-$_" -Vault $using:vault
        }
        (Get-SecretInfo -Name 'from-child-*' -Vault $script:Vault).Count | Should -Be 6
        Get-Secret -Name 'from-child-3' -Vault $script:Vault -AsPlainText | Should -BeExactly 'child-3'
    }

    It 'ForEach-Object -Parallel sees the registered vaults' {
        $vault = $script:Vault
        $names = 1..2 | ForEach-Object -ThrottleLimit 2 -Parallel { (Microsoft.PowerShell.SecretManagement\Get-SecretVault -Name $using:vault).Name }
        $names | Should -Be @($script:Vault, $script:Vault)
    }

    It 'a runspace made with PowerShell.Create() reads the secret too' {
        Set-Secret -Name 'for-api' -Secret 'api-value' -Vault $script:Vault
        $ps = [powershell]::Create()
        try {
            $value = $ps.AddCommand('Microsoft.PowerShell.SecretManagement\Get-Secret').AddParameter('Name', 'for-api').AddParameter('Vault', $script:Vault).AddParameter('AsPlainText').Invoke()
            $value | Should -Be 'api-value'
        }
        finally {
            $ps.Dispose()
        }
    }
}
