<#
    STAND-IN for tests: an in-memory double of Microsoft.PowerShell.SecretManagement 1.1.x.

    It is loaded only when the real module is not installed (tests/Invoke-PesterRun.ps1 puts its parent folder first on
    PSModulePath). Every exported function has the name, parameters and behaviour of the real cmdlet, including the
    error messages, ErrorIds, categories and whether an error is terminating, as read from the real source
    (PowerShell/SecretManagement src/code/SecretManagement.cs and Utils.cs). tests/SecretManagement/README.md cites
    the sources and lists the differences a script module cannot avoid.

    Every registered vault behaves like a Microsoft.PowerShell.SecretStore vault (what it stores, what it returns,
    its errors), held in memory. State lives in the AppDomain, so every runspace of the process (ForEach-Object
    -Parallel, PowerShell.Create(), runspace pools) sees the same vaults and secrets; another process does not.

    Test-only switch, understood by this stand-in and by the BingX.ContractVault test extension, ignored by real
    vaults: Register-SecretVault -VaultParameters @{ SimulateLocked = $true [; SimulatedPassword = '...'] } makes a
    vault that behaves like a locked SecretStore vault until Unlock-SecretVault is called.
#>

Set-StrictMode -Version 3.0

#region Process-wide state

# AppDomain slot that holds the one state object of the process. Versioned so an incompatible copy never shares it.
$script:StateKey = 'BingX.Tests.SecretManagementStandIn.State/1'

# Texts and names taken verbatim from the real module (and, for vault behaviour, from Microsoft.PowerShell.SecretStore).
$script:RealNamespace = 'Microsoft.PowerShell.SecretManagement'
$script:NoVaultRegisteredWarning = @'

        There are currently no extension vaults registered.
        At least one vault must be registered before SecretManagement can add or retrieve secrets.
        You can download SecretManagement extension vault modules from PowerShellGallery.
        https://aka.ms/SecretManagementVaults
        
'@
$script:PasswordRequiredMessage = "A valid password is required to access the Microsoft.PowerShell.SecretStore vault.`nUse the Unlock-SecretStore cmdlet to provide the required password to access the store."
$script:InvalidPasswordMessage = 'Unable to unlock Microsoft.PowerShell.SecretStore vault. Password is invalid.'
$script:InvalidTypeMessage = 'Invalid type. Types supported: byte[], string, SecureString, PSCredential, Hashtable'
$script:InvalidHashtableEntryMessage = 'The object type for {0} Hashtable entry is not supported. Supported types are byte[], string, SecureString, PSCredential'

# ErrorRecord.FullyQualifiedErrorId is "<ErrorId>,<implementing type of the command>". For a function the engine
# appends the function name ("GetSecretNotFound,Get-Secret"); the real cmdlets give
# "GetSecretNotFound,Microsoft.PowerShell.SecretManagement.GetSecretCommand". The engine keeps a pre-set id in this
# private field (it is how remoting preserves ids), so setting it reproduces the real id exactly. If a later
# PowerShell renames the field, errors fall back to the function-name suffix; the ErrorId part is unchanged.
$script:FullyQualifiedErrorIdField = [System.Management.Automation.ErrorRecord].GetField(
    '_serializedFullyQualifiedErrorId',
    [System.Reflection.BindingFlags] 'NonPublic, Instance')

function Get-StandInState {
    # Returns the process-wide state, creating it once. Callers take $state.SyncRoot for every read or write.
    $domain = [System.AppDomain]::CurrentDomain
    $state = $domain.GetData($script:StateKey)
    if ($null -ne $state) {
        return $state
    }

    # Two runspaces may import the module at the same moment: create the state under a process-wide lock.
    [System.Threading.Monitor]::Enter($domain)
    try {
        $state = $domain.GetData($script:StateKey)
        if ($null -eq $state) {
            $state = [hashtable]::Synchronized(@{
                    SyncRoot         = [object]::new()
                    # Vault name -> vault record; sorted and case-insensitive like the real vault registry.
                    Vaults           = [System.Collections.Generic.SortedDictionary[string, hashtable]]::new([System.StringComparer]::OrdinalIgnoreCase)
                    DefaultVaultName = ''
                    Types            = New-StandInType
                })
            $domain.SetData($script:StateKey, $state)
        }
    }
    finally {
        [System.Threading.Monitor]::Exit($domain)
    }
    return $state
}

function New-StandInType {
    <#
        Provides the two public types of the real assembly that callers may test by name:
        Microsoft.PowerShell.SecretManagement.PasswordRequiredException (an InvalidOperationException) and the
        Microsoft.PowerShell.SecretManagement.SecretType enum. Uses the real types when the real assembly is loaded;
        otherwise emits look-alikes once per process (Reflection.Emit, a few milliseconds; no compiler).
    #>
    $existingException = "$script:RealNamespace.PasswordRequiredException" -as [type]
    $existingEnum = "$script:RealNamespace.SecretType" -as [type]
    if ($existingException -and $existingEnum) {
        return @{ PasswordRequiredException = $existingException; SecretType = $existingEnum }
    }

    $assembly = [System.Reflection.Emit.AssemblyBuilder]::DefineDynamicAssembly(
        [System.Reflection.AssemblyName]::new('Microsoft.PowerShell.SecretManagement.StandInTypes'),
        [System.Reflection.Emit.AssemblyBuilderAccess]::Run)
    $module = $assembly.DefineDynamicModule('Microsoft.PowerShell.SecretManagement.StandInTypes')

    $exceptionBuilder = $module.DefineType(
        "$script:RealNamespace.PasswordRequiredException",
        [System.Reflection.TypeAttributes] 'Public, Sealed, Class',
        [System.InvalidOperationException])
    $constructor = $exceptionBuilder.DefineConstructor(
        [System.Reflection.MethodAttributes] 'Public, HideBySig, SpecialName, RTSpecialName',
        [System.Reflection.CallingConventions]::Standard,
        [type[]] @([string]))
    $il = $constructor.GetILGenerator()
    $il.Emit([System.Reflection.Emit.OpCodes]::Ldarg_0)
    $il.Emit([System.Reflection.Emit.OpCodes]::Ldarg_1)
    $il.Emit([System.Reflection.Emit.OpCodes]::Call, [System.InvalidOperationException].GetConstructor([type[]] @([string])))
    $il.Emit([System.Reflection.Emit.OpCodes]::Ret)

    # Same members and values as the real enum: Unknown, ByteArray, String, SecureString, PSCredential, Hashtable.
    $enumBuilder = $module.DefineEnum("$script:RealNamespace.SecretType", [System.Reflection.TypeAttributes]::Public, [int])
    $value = 0
    foreach ($member in 'Unknown', 'ByteArray', 'String', 'SecureString', 'PSCredential', 'Hashtable') {
        $null = $enumBuilder.DefineLiteral($member, [int] $value++)
    }

    return @{
        PasswordRequiredException = $exceptionBuilder.CreateType()
        SecretType                = $enumBuilder.CreateType()
    }
}

$script:State = Get-StandInState

function Lock-State {
    [System.Threading.Monitor]::Enter($script:State.SyncRoot)
}

function Unlock-State {
    [System.Threading.Monitor]::Exit($script:State.SyncRoot)
}

#endregion

#region Errors

function New-SecretManagementError {
    <#
        Builds the ErrorRecord the real cmdlet would write: same exception type and message, ErrorId, category and
        FullyQualifiedErrorId ("<ErrorId>,Microsoft.PowerShell.SecretManagement.<CommandTypeName>").
        TargetTypeName names the real target object's type ('GetSecretCommand' when the real code passes the cmdlet,
        'ExtensionVaultModule' for errors raised by its vault wrapper; omitted when the real target is null): the
        record shows the same CategoryInfo target text; TargetObject itself stays null.
    #>
    param(
        [Parameter(Mandatory)] [System.Exception] $Exception,
        [Parameter(Mandatory)] [string] $ErrorId,
        [Parameter(Mandatory)] [System.Management.Automation.ErrorCategory] $Category,
        [Parameter(Mandatory)] [string] $CommandTypeName,
        [string] $TargetTypeName
    )

    $record = [System.Management.Automation.ErrorRecord]::new($Exception, $ErrorId, $Category, $null)
    if ($script:FullyQualifiedErrorIdField) {
        $script:FullyQualifiedErrorIdField.SetValue($record, "$ErrorId,$script:RealNamespace.$CommandTypeName")
    }
    if ($TargetTypeName) {
        $record.CategoryInfo.TargetName = "$script:RealNamespace.$TargetTypeName"
        $record.CategoryInfo.TargetType = $TargetTypeName
    }
    return $record
}

function New-PasswordRequiredError {
    # What the engine makes of the PasswordRequiredException the real cmdlet lets escape: ErrorId = exception type.
    param([Parameter(Mandatory)] [string] $CommandTypeName, [string] $Message = $script:PasswordRequiredMessage)

    New-SecretManagementError -Exception ($script:State.Types.PasswordRequiredException)::new($Message) `
        -ErrorId "$script:RealNamespace.PasswordRequiredException" -Category NotSpecified -CommandTypeName $CommandTypeName
}

function Write-NoVaultWarning {
    # BeginProcessing of Get-Secret, Get-SecretInfo and Set-Secret (Utils.CheckForRegisteredVaults).
    param([Parameter(Mandatory)] [System.Management.Automation.PSCmdlet] $Cmdlet)

    if ((Get-VaultNameList).Count -eq 0) {
        $Cmdlet.WriteWarning($script:NoVaultRegisteredWarning)
    }
}

function Get-VaultOrThrow {
    # SecretCmdlet.GetExtensionVault: a terminating error when the vault is not registered.
    param(
        [Parameter(Mandatory)] [System.Management.Automation.PSCmdlet] $Cmdlet,
        [Parameter(Mandatory)] [AllowEmptyString()] [string] $Name,
        [Parameter(Mandatory)] [string] $CommandTypeName
    )

    $vault = Get-VaultRecord -Name $Name
    if ($null -eq $vault) {
        $Cmdlet.ThrowTerminatingError((New-SecretManagementError `
                    -Exception ([System.Management.Automation.PSInvalidOperationException]::new("Vault not found in registry: $Name")) `
                    -ErrorId 'GetSecretVaultNotFound' -Category ObjectNotFound -CommandTypeName $CommandTypeName -TargetTypeName $CommandTypeName))
    }
    return $vault
}

#endregion

#region Vault registry (every read and write under the state lock)

function Get-VaultRecord {
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Name)

    Lock-State
    try {
        $vault = $null
        if ($Name -and $script:State.Vaults.TryGetValue($Name, [ref] $vault)) {
            return $vault
        }
        return $null
    }
    finally {
        Unlock-State
    }
}

function Get-VaultNameList {
    # The registered vault names, sorted (case-insensitive), as the real registry enumerates them.
    Lock-State
    try {
        return , [string[]] @($script:State.Vaults.Keys)
    }
    finally {
        Unlock-State
    }
}

function Get-DefaultVaultName {
    Lock-State
    try {
        return [string] $script:State.DefaultVaultName
    }
    finally {
        Unlock-State
    }
}

function New-VaultInfo {
    # A SecretVaultInfo look-alike: the real type's properties, PSTypeName of the real type.
    param([Parameter(Mandatory)] [hashtable] $Vault)

    Lock-State
    try {
        $parameters = [System.Collections.Generic.Dictionary[string, object]]::new()
        foreach ($key in $Vault.VaultParameters.Keys) {
            $parameters[[string] $key] = $Vault.VaultParameters[$key]
        }
        [pscustomobject] @{
            PSTypeName      = "$script:RealNamespace.SecretVaultInfo"
            Name            = $Vault.Name
            ModuleName      = $Vault.ModuleName
            ModulePath      = $Vault.ModulePath
            Description     = $Vault.Description
            VaultParameters = [System.Collections.ObjectModel.ReadOnlyDictionary[string, object]]::new($parameters)
            IsDefault       = $Vault.Name -eq $script:State.DefaultVaultName
        }
    }
    finally {
        Unlock-State
    }
}

#endregion

#region Secret values (stored and returned as Microsoft.PowerShell.SecretStore does)

function Get-BaseObject {
    param([AllowNull()] [object] $InputObject)

    if ($InputObject -is [System.Management.Automation.PSObject]) {
        return , $InputObject.psobject.BaseObject
    }
    return , $InputObject
}

function Test-SecretValue {
    <#
        What the SecretStore vault does with a value it cannot store: returns the exception it raises
        (InvalidOperationException for an unsupported type, ArgumentException for an unsupported Hashtable entry),
        or $null when the value is storable. No exception is thrown: the module never throws for its own control
        flow, so a caller's -ErrorVariable and $Error only ever hold the errors the real cmdlets would write.
    #>
    param([AllowNull()] [object] $Value)

    $Value = Get-BaseObject $Value
    if ($Value -is [hashtable]) {
        foreach ($key in $Value.Keys) {
            if (-not (Test-SecretEntryType (Get-BaseObject $Value[$key]))) {
                return [System.ArgumentException]::new(($script:InvalidHashtableEntryMessage -f $key))
            }
        }
        return $null
    }
    if (Test-SecretEntryType $Value) {
        return $null
    }
    return [System.InvalidOperationException]::new($script:InvalidTypeMessage)
}

function Test-SecretEntryType {
    # The types SecretStore stores directly, and the only ones it accepts as Hashtable values.
    param([AllowNull()] [object] $Value)

    return ($Value -is [string] -or $Value -is [securestring] -or $Value -is [pscredential] -or $Value -is [byte[]])
}

function Copy-SecretValue {
    <#
        Deep-copies a secret value that Test-SecretValue accepted, so a stored secret never shares a SecureString,
        byte array or Hashtable with its caller (a caller disposing its SecureString must not empty the vault, and
        each Get-Secret returns fresh objects, as the real vault deserialises a new copy on every read).
        A Hashtable comes back as a new, case-SENSITIVE Hashtable with string keys: SecretStore rebuilds it with
        new Hashtable() and so does Get-Secret, so $h.apikey does not find 'ApiKey'.
    #>
    param([AllowNull()] [object] $Value)

    $Value = Get-BaseObject $Value
    if ($Value -is [string]) {
        return , $Value
    }
    if ($Value -is [securestring]) {
        return , $Value.Copy()
    }
    if ($Value -is [pscredential]) {
        return , [pscredential]::new($Value.UserName, $Value.Password.Copy())
    }
    if ($Value -is [byte[]]) {
        return , $Value.Clone()
    }
    $copy = [hashtable]::new()
    foreach ($key in $Value.Keys) {
        $copy[[string] $key] = Copy-SecretValue $Value[$key]
    }
    return , $copy
}

function Get-SecretTypeName {
    param([Parameter(Mandatory)] [object] $Value)

    if ($Value -is [string]) { return 'String' }
    if ($Value -is [securestring]) { return 'SecureString' }
    if ($Value -is [pscredential]) { return 'PSCredential' }
    if ($Value -is [byte[]]) { return 'ByteArray' }
    if ($Value -is [hashtable]) { return 'Hashtable' }
    return 'Unknown'
}

function ConvertTo-ReturnedSecret {
    <#
        GetSecretCommand.ConvertSecureString: a string becomes a SecureString unless -AsPlainText; with -AsPlainText a
        SecureString becomes a string; every other type is returned unchanged. The real cmdlet builds the SecureString
        with ConvertTo-SecureString, which refuses an empty string, so an empty string secret comes back as $null.
    #>
    param([AllowNull()] [object] $Item, [bool] $AsPlainText)

    if (-not $AsPlainText -and $Item -is [string]) {
        if ($Item.Length -eq 0) {
            return $null
        }
        return , [System.Net.NetworkCredential]::new('', $Item).SecurePassword
    }
    if ($AsPlainText -and $Item -is [securestring]) {
        return , [System.Net.NetworkCredential]::new('', $Item).Password
    }
    return , $Item
}

function ConvertTo-ReturnedSecretObject {
    # GetSecretCommand.WriteSecret: a Hashtable is rebuilt (case-sensitive) with each value converted.
    param([Parameter(Mandatory)] [object] $Secret, [bool] $AsPlainText)

    if ($Secret -is [hashtable]) {
        $converted = [hashtable]::new($Secret.Count)
        foreach ($key in $Secret.Keys) {
            $converted.Add($key, (ConvertTo-ReturnedSecret $Secret[$key] $AsPlainText))
        }
        return , $converted
    }
    return , (ConvertTo-ReturnedSecret $Secret $AsPlainText)
}

function Test-VaultLocked {
    param([Parameter(Mandatory)] [hashtable] $Vault)

    Lock-State
    try {
        return [bool] $Vault.Locked
    }
    finally {
        Unlock-State
    }
}

function Read-VaultSecret {
    # The vault's Get-Secret. Returns @{ Locked } when the vault is locked (SecretStore throws
    # PasswordRequiredException then), else @{ Found; Value } with a fresh copy of the stored value.
    param([Parameter(Mandatory)] [hashtable] $Vault, [Parameter(Mandatory)] [AllowEmptyString()] [string] $Name)

    Lock-State
    try {
        if ($Vault.Locked) {
            return @{ Locked = $true; Found = $false; Value = $null }
        }
        $entry = $null
        if (-not $Vault.Secrets.TryGetValue($Name, [ref] $entry)) {
            return @{ Locked = $false; Found = $false; Value = $null }
        }
        return @{ Locked = $false; Found = $true; Value = (Copy-SecretValue $entry.Value) }
    }
    finally {
        Unlock-State
    }
}

function Find-VaultSecretInfo {
    # The vault's Get-SecretInfo. Returns @{ Locked } when the vault is locked, else @{ Infos } holding
    # SecretInformation look-alikes for the names that match a wildcard filter, sorted by name.
    param([Parameter(Mandatory)] [hashtable] $Vault, [Parameter(Mandatory)] [AllowEmptyString()] [string] $Filter)

    $pattern = [System.Management.Automation.WildcardPattern]::new($Filter, [System.Management.Automation.WildcardOptions]::IgnoreCase)
    Lock-State
    try {
        if ($Vault.Locked) {
            return @{ Locked = $true; Infos = @() }
        }
        # GetSecretInfoCommand.WriteResults sorts each vault's results by name (OrdinalIgnoreCase).
        $infos = [System.Collections.Generic.SortedDictionary[string, object]]::new([System.StringComparer]::OrdinalIgnoreCase)
        foreach ($entry in $Vault.Secrets.Values) {
            if (-not $pattern.IsMatch($entry.Name)) {
                continue
            }
            $metadata = [System.Collections.Generic.Dictionary[string, object]]::new()
            foreach ($key in $entry.Metadata.Keys) {
                $metadata[[string] $key] = $entry.Metadata[$key]
            }
            $infos.Add($entry.Name, [pscustomobject] @{
                    PSTypeName = "$script:RealNamespace.SecretInformation"
                    Name       = $entry.Name
                    Type       = $entry.Type -as $script:State.Types.SecretType
                    VaultName  = $Vault.Name
                    Metadata   = [System.Collections.ObjectModel.ReadOnlyDictionary[string, object]]::new($metadata)
                })
        }
        return @{ Locked = $false; Infos = [object[]] @($infos.Values) }
    }
    finally {
        Unlock-State
    }
}

#endregion

#region Vault registration

function Register-SecretVault {
    <#
    .SYNOPSIS
        Registers a SecretManagement extension vault (stand-in: records the module, never loads it).
    #>
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType('Microsoft.PowerShell.SecretManagement.SecretVaultInfo')]
    param(
        [Parameter(Position = 0, Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $ModuleName,

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter()]
        [hashtable] $VaultParameters = @{},

        [Parameter()]
        [switch] $DefaultVault,

        [Parameter()]
        [switch] $AllowClobber,

        [Parameter()]
        [switch] $PassThru,

        [Parameter()]
        [string] $Description = ''
    )

    begin {
        $command = 'RegisterSecretVaultCommand'
        if ($null -ne $VaultParameters -and $VaultParameters.ContainsKey('Verbose')) {
            $PSCmdlet.ThrowTerminatingError((New-SecretManagementError `
                        -Exception ([System.Management.Automation.PSInvalidOperationException]::new("The 'Verbose' parameter name is reserved and cannot be used in 'VaultParameters'")) `
                        -ErrorId 'RegisterSecretVaultCommandCannotUseReservedName' -Category InvalidOperation -CommandTypeName $command -TargetTypeName $command))
        }

        # The real cmdlet names the vault after the module (a path's leaf, without .psd1/.psm1) when -Name is omitted.
        $leaf = Split-Path -Path $ModuleName -Leaf
        if ([System.IO.Path]::GetExtension($leaf) -in '.psd1', '.psm1') {
            $leaf = [System.IO.Path]::GetFileNameWithoutExtension($leaf)
        }
        if (-not $PSBoundParameters.ContainsKey('Name')) {
            $Name = $leaf
        }
    }

    end {
        $existing = Get-VaultRecord -Name $Name
        if ($existing -and -not $AllowClobber) {
            $PSCmdlet.ThrowTerminatingError((New-SecretManagementError `
                        -Exception ([System.InvalidOperationException]::new('Provided Name for vault is already being used.')) `
                        -ErrorId 'RegisterSecretVaultInvalidVaultName' -Category InvalidArgument -CommandTypeName $command -TargetTypeName $command))
        }

        if (-not $PSCmdlet.ShouldProcess($Name, 'Register module as a SecretManagement extension vault for current user')) {
            return
        }

        # The real module loads the module to validate it and stores its name and base folder. The stand-in only
        # records them: a path is resolved to its folder, a bare name is kept with an empty ModulePath.
        $modulePath = ''
        $resolved = Resolve-Path -Path $ModuleName -ErrorAction Ignore | Select-Object -First 1
        if ($resolved) {
            $modulePath = if (Test-Path -LiteralPath $resolved.ProviderPath -PathType Leaf) { Split-Path -Path $resolved.ProviderPath -Parent } else { $resolved.ProviderPath }
        }

        $parameters = if ($null -ne $VaultParameters) { $VaultParameters.Clone() } else { @{} }
        $password = $null
        if ($parameters.ContainsKey('SimulatedPassword')) {
            $password = $parameters['SimulatedPassword']
            if ($password -is [securestring]) {
                $password = [System.Net.NetworkCredential]::new('', $password).Password
            }
        }
        $vault = @{
            Name            = $Name
            ModuleName      = $leaf
            ModulePath      = $modulePath
            Description     = $Description
            VaultParameters = $parameters
            Locked          = [bool] $parameters['SimulateLocked']
            Password        = [string] $password
            # Registration is only a pointer to the vault's own storage: re-registering a name with -AllowClobber
            # keeps the secrets already stored under it, as a real vault keeps its data.
            Secrets         = if ($existing) { $existing.Secrets } else { [System.Collections.Generic.Dictionary[string, hashtable]]::new([System.StringComparer]::OrdinalIgnoreCase) }
        }

        Lock-State
        try {
            # "Make an only registered vault the default vault, if not otherwise specified."
            $isDefault = if ($PSBoundParameters.ContainsKey('DefaultVault')) { [bool] $DefaultVault } else { $script:State.Vaults.Count -eq 0 }
            $script:State.Vaults[$Name] = $vault
            if ($isDefault) {
                $script:State.DefaultVaultName = $Name
            }
        }
        finally {
            Unlock-State
        }

        if ($PassThru) {
            $PSCmdlet.WriteObject((New-VaultInfo -Vault $vault))
        }
    }
}

function Unregister-SecretVault {
    <#
    .SYNOPSIS
        Un-registers an extension vault (stand-in: its secrets are dropped with it).
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'NameParameterSet')]
    param(
        [Parameter(ParameterSetName = 'NameParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [ValidateNotNullOrEmpty()]
        [SupportsWildcards()]
        [string[]] $Name,

        [Parameter(ParameterSetName = 'SecretVaultParameterSet', Position = 0, Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNull()]
        [PSTypeName('Microsoft.PowerShell.SecretManagement.SecretVaultInfo')]
        [psobject] $SecretVault
    )

    process {
        $names = if ($PSCmdlet.ParameterSetName -eq 'SecretVaultParameterSet') { @($SecretVault.Name) } else { $Name }
        foreach ($vaultName in $names) {
            if ([System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($vaultName)) {
                $pattern = [System.Management.Automation.WildcardPattern]::new($vaultName, [System.Management.Automation.WildcardOptions]::IgnoreCase)
                foreach ($registered in (Get-VaultNameList)) {
                    if ($pattern.IsMatch($registered)) {
                        Remove-VaultRegistration -Cmdlet $PSCmdlet -Name $registered
                    }
                }
                continue
            }
            Remove-VaultRegistration -Cmdlet $PSCmdlet -Name $vaultName
        }
    }
}

function Remove-VaultRegistration {
    param([Parameter(Mandatory)] [System.Management.Automation.PSCmdlet] $Cmdlet, [Parameter(Mandatory)] [string] $Name)

    if (-not $Cmdlet.ShouldProcess($Name, 'Unregister SecretManagement extension vault module for current user')) {
        return
    }

    Lock-State
    try {
        $removed = $script:State.Vaults.Remove($Name)
        if ($removed -and $script:State.DefaultVaultName -eq $Name) {
            $script:State.DefaultVaultName = ''
        }
    }
    finally {
        Unlock-State
    }

    if (-not $removed) {
        $Cmdlet.WriteError((New-SecretManagementError `
                    -Exception ([System.Management.Automation.ItemNotFoundException]::new("Unable to find secret vault $Name to unregister it.")) `
                    -ErrorId 'UnregisterSecretVaultObjectNotFound' -Category ObjectNotFound -CommandTypeName 'UnregisterSecretVaultCommand' -TargetTypeName 'UnregisterSecretVaultCommand'))
        return
    }
    $Cmdlet.WriteVerbose("Removed vault $Name from registry.")
}

function Get-SecretVault {
    <#
    .SYNOPSIS
        Finds and returns registered vault information.
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.PowerShell.SecretManagement.SecretVaultInfo')]
    param(
        [Parameter(Position = 0)]
        [SupportsWildcards()]
        [string[]] $Name
    )

    end {
        if (-not $Name) {
            $Name = @('*')
        }
        foreach ($vaultName in $Name) {
            if ([System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($vaultName)) {
                $pattern = [System.Management.Automation.WildcardPattern]::new($vaultName, [System.Management.Automation.WildcardOptions]::IgnoreCase)
                foreach ($registered in (Get-VaultNameList)) {
                    $vault = Get-VaultRecord -Name $registered
                    if ($vault -and $pattern.IsMatch($registered)) {
                        $PSCmdlet.WriteObject((New-VaultInfo -Vault $vault))
                    }
                }
                continue
            }

            $vault = Get-VaultRecord -Name $vaultName
            if ($vault) {
                $PSCmdlet.WriteObject((New-VaultInfo -Vault $vault))
                continue
            }
            $PSCmdlet.WriteError((New-SecretManagementError `
                        -Exception ([System.Management.Automation.ItemNotFoundException]::new("Vault $vaultName does not exist in registry.")) `
                        -ErrorId 'GetSecretVaultNotFound' -Category ObjectNotFound -CommandTypeName 'GetSecretVaultCommand' -TargetTypeName 'GetSecretVaultCommand'))
        }
    }
}

function Set-SecretVaultDefault {
    <#
    .SYNOPSIS
        Sets the provided vault name as the default vault for the current user.
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'NameParameterSet')]
    param(
        [Parameter(ParameterSetName = 'NameParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'SecretVaultParameterSet', Position = 0, Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [ValidateNotNull()]
        [PSTypeName('Microsoft.PowerShell.SecretManagement.SecretVaultInfo')]
        [psobject] $SecretVault,

        [Parameter(ParameterSetName = 'ClearParameterSet')]
        [switch] $ClearDefault
    )

    end {
        # The real cmdlet asks ShouldProcess with -Name (null for the other parameter sets) before anything else.
        if (-not $PSCmdlet.ShouldProcess($Name, 'Set vault as default')) {
            return
        }

        $vaultName = switch ($PSCmdlet.ParameterSetName) {
            'NameParameterSet' { $Name }
            'SecretVaultParameterSet' { $SecretVault.Name }
            default { '' }
        }

        Lock-State
        try {
            $vault = $null
            $found = (-not $vaultName) -or $script:State.Vaults.TryGetValue($vaultName, [ref] $vault)
            if ($found) {
                $script:State.DefaultVaultName = if ($vault) { $vault.Name } else { '' }
            }
        }
        finally {
            Unlock-State
        }

        if (-not $found) {
            $PSCmdlet.ThrowTerminatingError((New-SecretManagementError `
                        -Exception ([System.Management.Automation.ItemNotFoundException]::new('Vault name was not found.')) `
                        -ErrorId 'VaultNotFound' -Category ObjectNotFound -CommandTypeName 'SetSecretVaultDefaultCommand' -TargetTypeName 'SetSecretVaultDefaultCommand'))
        }
    }
}

function Test-SecretVault {
    <#
    .SYNOPSIS
        Runs an extension vault self test (stand-in: passes unless the vault simulates a locked SecretStore).
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)]
        [SupportsWildcards()]
        [string[]] $Name
    )

    process {
        if (-not $Name) {
            $Name = @('*')
        }
        $count = 0
        $result = $true
        foreach ($vaultName in $Name) {
            $targets = if ([System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($vaultName)) {
                $pattern = [System.Management.Automation.WildcardPattern]::new($vaultName, [System.Management.Automation.WildcardOptions]::IgnoreCase)
                @(Get-VaultNameList) | Where-Object { $pattern.IsMatch($_) }
            }
            else {
                , $vaultName
            }

            foreach ($target in $targets) {
                $vault = Get-VaultRecord -Name $target
                if (-not $vault) {
                    $PSCmdlet.WriteError((New-SecretManagementError `
                                -Exception ([System.Management.Automation.ItemNotFoundException]::new("Vault $target does not exist in registry.")) `
                                -ErrorId 'TestSecretVaultNotFound' -Category ObjectNotFound -CommandTypeName 'TestSecretVaultCommand' -TargetTypeName 'TestSecretVaultCommand'))
                    continue
                }

                ++$count
                $success = -not (Test-VaultLocked -Vault $vault)
                if (-not $success) {
                    # A locked SecretStore fails its self test with the password error (relayed, non-terminating).
                    $PSCmdlet.WriteError((New-SecretManagementError `
                                -Exception ($script:State.Types.PasswordRequiredException)::new($script:PasswordRequiredMessage) `
                                -ErrorId 'PasswordRequiredException' -Category NotSpecified -CommandTypeName 'TestSecretVaultCommand'))
                    $result = $false
                }
                $PSCmdlet.WriteVerbose($(if ($success) { "Vault $($vault.Name) succeeded validation test" } else { "Vault $($vault.Name) failed validation test" }))
            }
        }

        if ($count -gt 0) {
            $PSCmdlet.WriteObject($result)
        }
    }
}

function Unlock-SecretVault {
    <#
    .SYNOPSIS
        Unlocks an extension vault (stand-in: ends a simulated lock; checks SimulatedPassword when one was given).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Position = 0, Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(Position = 1, Mandatory)]
        [securestring] $Password
    )

    end {
        $vault = Get-VaultOrThrow -Cmdlet $PSCmdlet -Name $Name -CommandTypeName 'UnlockSecretVaultCommand'
        $plain = [System.Net.NetworkCredential]::new('', $Password).Password

        Lock-State
        try {
            $accepted = (-not $vault.Password) -or ($vault.Password -ceq $plain)
            if ($accepted) {
                $vault.Locked = $false
            }
        }
        finally {
            Unlock-State
        }

        if (-not $accepted) {
            # SecretStore refuses the password with this PasswordRequiredException; the real cmdlet unwraps it
            # (ExtensionVaultModule.ThrowPasswordRequiredException) and lets it escape: a terminating error.
            $PSCmdlet.ThrowTerminatingError((New-PasswordRequiredError -CommandTypeName 'UnlockSecretVaultCommand' -Message $script:InvalidPasswordMessage))
        }
        $PSCmdlet.WriteVerbose("Secret vault '$($vault.Name)' was successfully unlocked.")
    }
}

#endregion

#region Secrets

function Set-Secret {
    <#
    .SYNOPSIS
        Adds a secret to a SecretManagement registered vault.
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'SecureStringParameterSet')]
    param(
        [Parameter(ParameterSetName = 'ObjectParameterSet', Position = 0, Mandatory)]
        [Parameter(ParameterSetName = 'SecureStringParameterSet', Position = 0, Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'ObjectParameterSet', Position = 1, Mandatory, ValueFromPipeline)]
        [object] $Secret,

        [Parameter(ParameterSetName = 'SecureStringParameterSet', Position = 1, Mandatory, ValueFromPipeline)]
        [securestring] $SecureStringSecret,

        [Parameter(ParameterSetName = 'SecretInfoParameterSet', Position = 1, Mandatory, ValueFromPipeline)]
        [PSTypeName('Microsoft.PowerShell.SecretManagement.SecretInformation')]
        [psobject] $SecretInfo,

        [Parameter(ParameterSetName = 'ObjectParameterSet', Position = 2)]
        [Parameter(ParameterSetName = 'SecureStringParameterSet', Position = 2)]
        [Parameter(ParameterSetName = 'SecretInfoParameterSet', Mandatory)]
        [string] $Vault,

        [Parameter(ParameterSetName = 'ObjectParameterSet', Position = 3)]
        [Parameter(ParameterSetName = 'SecureStringParameterSet', Position = 3)]
        [hashtable] $Metadata,

        [Parameter()]
        [switch] $NoClobber
    )

    begin {
        $command = 'SetSecretCommand'
        Write-NoVaultWarning -Cmdlet $PSCmdlet
    }

    process {
        if (-not $PSCmdlet.ShouldProcess($Vault, 'Write secret to vault and override any existing secret of the same name')) {
            return
        }

        $secretName = $Name
        $secretMetadata = $Metadata
        switch ($PSCmdlet.ParameterSetName) {
            'SecretInfoParameterSet' {
                # Copy a secret described by a SecretInformation object into -Vault, with its metadata.
                $source = Get-VaultOrThrow -Cmdlet $PSCmdlet -Name $SecretInfo.VaultName -CommandTypeName $command
                $secretName = $SecretInfo.Name
                $read = Read-VaultSecret -Vault $source -Name $secretName
                if ($read.Locked) {
                    $PSCmdlet.ThrowTerminatingError((New-PasswordRequiredError -CommandTypeName $command))
                }
                $secretToWrite = $read.Value
                $secretMetadata = @{}
                if ($SecretInfo.Metadata) {
                    foreach ($key in $SecretInfo.Metadata.Keys) {
                        $secretMetadata[$key] = $SecretInfo.Metadata[$key]
                    }
                }
            }
            'SecureStringParameterSet' { $secretToWrite = $SecureStringSecret }
            'ObjectParameterSet' { $secretToWrite = Get-BaseObject $Secret }
        }

        if ($Vault) {
            $target = Get-VaultOrThrow -Cmdlet $PSCmdlet -Name $Vault -CommandTypeName $command
        }
        else {
            $target = Get-VaultRecord -Name (Get-DefaultVaultName)
            if (-not $target) {
                $PSCmdlet.ThrowTerminatingError((New-SecretManagementError `
                            -Exception ([System.Management.Automation.PSInvalidOperationException]::new('Unable to set secret because no vault was provided and there is no default vault designated.')) `
                            -ErrorId 'SetSecretCommandFailNoVault' -Category InvalidOperation -CommandTypeName $command -TargetTypeName $command))
            }
        }

        # The vault's Set-Secret throws PasswordRequiredException when locked; the real cmdlet lets it escape.
        if (Test-VaultLocked -Vault $target) {
            $PSCmdlet.ThrowTerminatingError((New-PasswordRequiredError -CommandTypeName $command))
        }

        if ($NoClobber -and (Read-VaultSecret -Vault $target -Name $secretName).Found) {
            $noClobberError = New-SecretManagementError `
                -Exception ([System.Management.Automation.PSInvalidOperationException]::new("A secret with name $secretName already exists in vault $($target.Name).")) `
                -ErrorId 'SetSecretCommandAlreadyExistsWithNoClobber' -Category ResourceExists -CommandTypeName $command -TargetTypeName $command
            if ($PSCmdlet.ParameterSetName -eq 'SecretInfoParameterSet') {
                # The SecretInformation path writes this error and goes on; the other paths stop.
                $PSCmdlet.WriteError($noClobberError)
                return
            }
            $PSCmdlet.ThrowTerminatingError($noClobberError)
        }

        $refused = Test-SecretValue $secretToWrite
        if ($refused) {
            # The vault refuses the type; the real cmdlet relays that as a non-terminating error.
            $PSCmdlet.WriteError((New-SecretManagementError `
                        -Exception ([System.Management.Automation.PSInvalidOperationException]::new("Unable to add secret $secretName to vault $($target.Name)", $refused)) `
                        -ErrorId 'SetSecretInvalidOperation' -Category InvalidOperation -CommandTypeName $command -TargetTypeName 'ExtensionVaultModule'))
            return
        }
        $stored = Copy-SecretValue $secretToWrite

        # SecretStore supports metadata through Set-Secret, so the real module always passes it ($null -> empty):
        # overwriting a secret replaces its metadata.
        $metadataCopy = @{}
        if ($secretMetadata) {
            foreach ($key in $secretMetadata.Keys) {
                $metadataCopy[[string] $key] = $secretMetadata[$key]
            }
        }

        Lock-State
        try {
            $target.Secrets[$secretName] = @{
                Name     = $secretName
                Value    = $stored
                Type     = Get-SecretTypeName $stored
                Metadata = $metadataCopy
            }
        }
        finally {
            Unlock-State
        }
        $PSCmdlet.WriteVerbose("Secret $secretName was successfully added to vault $($target.Name).")
    }
}

function Get-Secret {
    <#
    .SYNOPSIS
        Finds and returns a secret by name from registered vaults.
    #>
    [CmdletBinding(DefaultParameterSetName = 'NameParameterSet')]
    [OutputType([object])]
    param(
        [Parameter(ParameterSetName = 'NameParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [string] $Name,

        [Parameter(ParameterSetName = 'NameParameterSet', Position = 1)]
        [string] $Vault,

        [Parameter(ParameterSetName = 'InfoParameterSet', Mandatory, ValueFromPipeline)]
        [PSTypeName('Microsoft.PowerShell.SecretManagement.SecretInformation')]
        [psobject] $InputObject,

        [Parameter()]
        [switch] $AsPlainText
    )

    begin {
        $command = 'GetSecretCommand'
        Write-NoVaultWarning -Cmdlet $PSCmdlet
    }

    process {
        $secretName = $Name
        $vaultName = $Vault
        if ($PSCmdlet.ParameterSetName -eq 'InfoParameterSet') {
            $secretName = $InputObject.Name
            $vaultName = $InputObject.VaultName
        }
        $notFound = New-SecretManagementError `
            -Exception ([System.Management.Automation.ItemNotFoundException]::new("The secret $secretName was not found.")) `
            -ErrorId 'GetSecretNotFound' -Category ObjectNotFound -CommandTypeName $command -TargetTypeName $command

        # One vault named: look there only.
        if ($vaultName) {
            $target = Get-VaultOrThrow -Cmdlet $PSCmdlet -Name $vaultName -CommandTypeName $command
            $outcome = Read-SecretAndWrite -Cmdlet $PSCmdlet -Vault $target -Name $secretName -AsPlainText $AsPlainText
            if ($outcome -eq 'Failed') {
                $PSCmdlet.WriteError($notFound)
            }
            return
        }

        # The default vault first. The real cmdlet asks that vault's Get-SecretInfo (wildcard filter = the name)
        # outside its error handling, so a locked default vault stops the command with PasswordRequiredException.
        $defaultName = Get-DefaultVaultName
        $default = Get-VaultRecord -Name $defaultName
        if ($default) {
            $found = Find-VaultSecretInfo -Vault $default -Filter $secretName
            if ($found.Locked) {
                $PSCmdlet.ThrowTerminatingError((New-PasswordRequiredError -CommandTypeName $command))
            }
            if ($found.Infos.Count -gt 0 -and (Read-SecretAndWrite -Cmdlet $PSCmdlet -Vault $default -Name $secretName -AsPlainText $AsPlainText) -eq 'Success') {
                return
            }
        }

        # Then every other vault in name order; the first hit wins.
        foreach ($registered in (Get-VaultNameList)) {
            if ($registered -eq $defaultName) {
                continue
            }
            $other = Get-VaultRecord -Name $registered
            if ($other -and (Read-SecretAndWrite -Cmdlet $PSCmdlet -Vault $other -Name $secretName -AsPlainText $AsPlainText) -eq 'Success') {
                return
            }
        }

        $PSCmdlet.WriteError($notFound)
    }
}

function Read-SecretAndWrite {
    # GetSecretCommand.TryInvokeAndWrite: 'Success', 'Failed' (not in this vault) or 'FailedWithTerminatingError'
    # (the vault threw, e.g. locked: written as a non-terminating GetSecretException).
    param(
        [Parameter(Mandatory)] [System.Management.Automation.PSCmdlet] $Cmdlet,
        [Parameter(Mandatory)] [hashtable] $Vault,
        [Parameter(Mandatory)] [AllowEmptyString()] [string] $Name,
        [bool] $AsPlainText
    )

    $read = Read-VaultSecret -Vault $Vault -Name $Name
    if ($read.Locked) {
        $Cmdlet.WriteError((New-SecretManagementError `
                    -Exception ($script:State.Types.PasswordRequiredException)::new($script:PasswordRequiredMessage) `
                    -ErrorId 'GetSecretException' -Category InvalidOperation -CommandTypeName 'GetSecretCommand' -TargetTypeName 'GetSecretCommand'))
        return 'FailedWithTerminatingError'
    }
    $Cmdlet.WriteVerbose("Secret $Name was successfully retrieved from vault $($Vault.Name).")
    if (-not $read.Found) {
        return 'Failed'
    }

    # WriteObject(object) writes a byte[] or Hashtable as one object, as the real cmdlet does.
    $Cmdlet.WriteObject((ConvertTo-ReturnedSecretObject $read.Value $AsPlainText))
    return 'Success'
}

function Get-SecretInfo {
    <#
    .SYNOPSIS
        Finds and returns secret metadata information of one or more secrets.
    #>
    [CmdletBinding()]
    [OutputType('Microsoft.PowerShell.SecretManagement.SecretInformation')]
    param(
        [Parameter(Position = 0)]
        [SupportsWildcards()]
        [string] $Name,

        [Parameter(Position = 1)]
        [string] $Vault
    )

    begin {
        $command = 'GetSecretInfoCommand'
        Write-NoVaultWarning -Cmdlet $PSCmdlet
    }

    end {
        if (-not $Name) {
            $Name = '*'
        }

        if ($Vault) {
            $targets = @(Get-VaultOrThrow -Cmdlet $PSCmdlet -Name $Vault -CommandTypeName $command)
        }
        else {
            # The default vault first, then the others in name order.
            $defaultName = Get-DefaultVaultName
            $targets = @(
                Get-VaultRecord -Name $defaultName
                foreach ($registered in (Get-VaultNameList)) {
                    if ($registered -ne $defaultName) {
                        Get-VaultRecord -Name $registered
                    }
                }) | Where-Object { $_ }
        }

        foreach ($target in $targets) {
            $found = Find-VaultSecretInfo -Vault $target -Filter $Name
            if ($found.Locked) {
                $PSCmdlet.WriteError((New-SecretManagementError `
                            -Exception ($script:State.Types.PasswordRequiredException)::new($script:PasswordRequiredMessage) `
                            -ErrorId 'GetSecretInfoException' -Category InvalidOperation -CommandTypeName $command -TargetTypeName $command))
                continue
            }
            $PSCmdlet.WriteVerbose("Secret information was successfully retrieved from vault $($target.Name).")
            foreach ($info in $found.Infos) {
                $PSCmdlet.WriteObject($info)
            }
        }
    }
}

function Remove-Secret {
    <#
    .SYNOPSIS
        Removes a secret from a specified registered extension vault.
    #>
    [CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'NameParameterSet')]
    param(
        [Parameter(ParameterSetName = 'NameParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        [Parameter(ParameterSetName = 'NameParameterSet', Position = 1, Mandatory)]
        [ValidateNotNullOrEmpty()]
        [string] $Vault,

        [Parameter(ParameterSetName = 'InfoParameterSet', Position = 0, Mandatory, ValueFromPipeline)]
        [PSTypeName('Microsoft.PowerShell.SecretManagement.SecretInformation')]
        [psobject] $InputObject
    )

    process {
        $command = 'RemoveSecretCommand'
        if (-not $PSCmdlet.ShouldProcess($Vault, 'Remove secret by name from vault')) {
            return
        }

        $secretName = $Name
        $vaultName = $Vault
        if ($PSCmdlet.ParameterSetName -eq 'InfoParameterSet') {
            $secretName = $InputObject.Name
            $vaultName = $InputObject.VaultName
        }

        $target = Get-VaultOrThrow -Cmdlet $PSCmdlet -Name $vaultName -CommandTypeName $command
        if (Test-VaultLocked -Vault $target) {
            $PSCmdlet.ThrowTerminatingError((New-PasswordRequiredError -CommandTypeName $command))
        }

        Lock-State
        try {
            $removed = $target.Secrets.Remove($secretName)
        }
        finally {
            Unlock-State
        }

        if (-not $removed) {
            # SecretStore's Remove-Secret writes this error; the real cmdlet relays it unchanged.
            $PSCmdlet.WriteError((New-SecretManagementError `
                        -Exception ([System.Management.Automation.ItemNotFoundException]::new("Remove-Secret error in vault $($target.Name) : Secret not found")) `
                        -ErrorId 'SecretStoreRemoveSecretFailed' -Category InvalidOperation -CommandTypeName $command))
            return
        }
        $PSCmdlet.WriteVerbose("Secret $secretName was successfully removed from vault $($target.Name).")
    }
}

#endregion

Export-ModuleMember -Function @(
    'Register-SecretVault', 'Unregister-SecretVault', 'Get-SecretVault', 'Set-SecretVaultDefault',
    'Test-SecretVault', 'Unlock-SecretVault',
    'Set-Secret', 'Get-Secret', 'Get-SecretInfo', 'Remove-Secret')
