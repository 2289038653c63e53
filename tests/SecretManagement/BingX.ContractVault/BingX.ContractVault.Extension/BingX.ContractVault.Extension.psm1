<#
    The extension functions of BingX.ContractVault, with the parameters Microsoft.PowerShell.SecretManagement requires
    (it checks them at Register-SecretVault). Real SecretManagement runs them in its own runspace; the state lives in
    the AppDomain, so every runspace of the process sees the same secrets.

    Behaves like a Microsoft.PowerShell.SecretStore vault: stores string, SecureString, PSCredential, byte[] and
    Hashtable (string keys; byte[], string, SecureString or PSCredential values), returns fresh copies (a Hashtable
    comes back case-sensitive), keeps metadata, and when registered with VaultParameters @{ SimulateLocked = $true }
    throws PasswordRequiredException, with SecretStore's message, until Unlock-SecretVault is called (with
    SimulatedPassword when one was registered).
#>

Set-StrictMode -Version 3.0

$script:StateKey = 'BingX.Tests.ContractVault.State/1'
$script:PasswordRequiredMessage = "A valid password is required to access the Microsoft.PowerShell.SecretStore vault.`nUse the Unlock-SecretStore cmdlet to provide the required password to access the store."
$script:InvalidPasswordMessage = 'Unable to unlock Microsoft.PowerShell.SecretStore vault. Password is invalid.'

function Get-VaultState {
    # The state of one vault (created on first use): @{ Secrets; Unlocked }.
    param([Parameter(Mandatory)] [string] $VaultName)

    $domain = [System.AppDomain]::CurrentDomain
    [System.Threading.Monitor]::Enter($domain)
    try {
        $all = $domain.GetData($script:StateKey)
        if ($null -eq $all) {
            $all = [hashtable]::Synchronized([hashtable]::new([System.StringComparer]::OrdinalIgnoreCase))
            $domain.SetData($script:StateKey, $all)
        }
        if (-not $all.ContainsKey($VaultName)) {
            $all[$VaultName] = [hashtable]::Synchronized(@{
                    Secrets  = [hashtable]::Synchronized([hashtable]::new([System.StringComparer]::OrdinalIgnoreCase))
                    Unlocked = $false
                })
        }
        return $all[$VaultName]
    }
    finally {
        [System.Threading.Monitor]::Exit($domain)
    }
}

function Assert-Unlocked {
    param([Parameter(Mandatory)] [string] $VaultName, [hashtable] $AdditionalParameters)

    if ($AdditionalParameters -and $AdditionalParameters['SimulateLocked'] -and -not (Get-VaultState $VaultName).Unlocked) {
        throw [Microsoft.PowerShell.SecretManagement.PasswordRequiredException]::new($script:PasswordRequiredMessage)
    }
}

function Copy-Value {
    param([AllowNull()] [object] $Value)

    if ($Value -is [System.Management.Automation.PSObject]) {
        $Value = $Value.psobject.BaseObject
    }
    if ($Value -is [string]) { return , $Value }
    if ($Value -is [securestring]) { return , $Value.Copy() }
    if ($Value -is [pscredential]) { return , [pscredential]::new($Value.UserName, $Value.Password.Copy()) }
    if ($Value -is [byte[]]) { return , $Value.Clone() }
    if ($Value -is [hashtable]) {
        $copy = [hashtable]::new()
        foreach ($key in $Value.Keys) {
            $entry = $Value[$key]
            if ($entry -is [System.Management.Automation.PSObject]) {
                $entry = $entry.psobject.BaseObject
            }
            if (-not ($entry -is [string] -or $entry -is [securestring] -or $entry -is [pscredential] -or $entry -is [byte[]])) {
                throw [System.ArgumentException]::new("The object type for $key Hashtable entry is not supported. Supported types are byte[], string, SecureString, PSCredential")
            }
            $copy[[string] $key] = Copy-Value $entry
        }
        return , $copy
    }
    throw [System.InvalidOperationException]::new('Invalid type. Types supported: byte[], string, SecureString, PSCredential, Hashtable')
}

function Get-Secret {
    [CmdletBinding()]
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)

    Assert-Unlocked $VaultName $AdditionalParameters
    $entry = (Get-VaultState $VaultName).Secrets[$Name]
    if ($null -ne $entry) {
        # -InputObject named: given positionally, Write-Output binds it through ValueFromRemainingArguments and
        # -NoEnumerate then emits the List`1 that collected it.
        Write-Output -InputObject (Copy-Value $entry.Value) -NoEnumerate
    }
}

function Get-SecretInfo {
    [CmdletBinding()]
    param([string] $Filter, [string] $VaultName, [hashtable] $AdditionalParameters)

    Assert-Unlocked $VaultName $AdditionalParameters
    $pattern = [System.Management.Automation.WildcardPattern]::new($(if ($Filter) { $Filter } else { '*' }), 'IgnoreCase')
    foreach ($entry in @((Get-VaultState $VaultName).Secrets.Values)) {
        if ($pattern.IsMatch($entry.Name)) {
            [Microsoft.PowerShell.SecretManagement.SecretInformation]::new(
                $entry.Name,
                [Microsoft.PowerShell.SecretManagement.SecretType] $entry.Type,
                $VaultName,
                [hashtable] $entry.Metadata)
        }
    }
}

function Set-Secret {
    [CmdletBinding()]
    param([string] $Name, [object] $Secret, [string] $VaultName, [hashtable] $AdditionalParameters, [hashtable] $Metadata)

    Assert-Unlocked $VaultName $AdditionalParameters
    $value = Copy-Value $Secret
    $type = switch ($value.GetType()) {
        ([string]) { 'String' }
        ([securestring]) { 'SecureString' }
        ([pscredential]) { 'PSCredential' }
        ([byte[]]) { 'ByteArray' }
        default { 'Hashtable' }
    }
    $metadataCopy = @{}
    if ($Metadata) {
        foreach ($key in $Metadata.Keys) {
            $metadataCopy[[string] $key] = $Metadata[$key]
        }
    }
    (Get-VaultState $VaultName).Secrets[$Name] = @{ Name = $Name; Value = $value; Type = $type; Metadata = $metadataCopy }
}

function Remove-Secret {
    [CmdletBinding()]
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)

    Assert-Unlocked $VaultName $AdditionalParameters
    $secrets = (Get-VaultState $VaultName).Secrets
    if ($secrets.ContainsKey($Name)) {
        $secrets.Remove($Name)
        return
    }
    Write-Error -ErrorRecord ([System.Management.Automation.ErrorRecord]::new(
            [System.Management.Automation.ItemNotFoundException]::new("Remove-Secret error in vault $VaultName : Secret not found"),
            'SecretStoreRemoveSecretFailed',
            [System.Management.Automation.ErrorCategory]::InvalidOperation,
            $null))
}

function Test-SecretVault {
    [CmdletBinding()]
    param([string] $VaultName, [hashtable] $AdditionalParameters)

    if ($AdditionalParameters -and $AdditionalParameters['SimulateLocked'] -and -not (Get-VaultState $VaultName).Unlocked) {
        Write-Error -Message $script:PasswordRequiredMessage
        return $false
    }
    return $true
}

function Unlock-SecretVault {
    [CmdletBinding()]
    param([securestring] $Password, [string] $VaultName, [hashtable] $AdditionalParameters)

    $expected = if ($AdditionalParameters) { $AdditionalParameters['SimulatedPassword'] } else { $null }
    if ($expected -is [securestring]) {
        $expected = [System.Net.NetworkCredential]::new('', $expected).Password
    }
    if ($expected -and [System.Net.NetworkCredential]::new('', $Password).Password -cne $expected) {
        throw [Microsoft.PowerShell.SecretManagement.PasswordRequiredException]::new($script:InvalidPasswordMessage)
    }
    (Get-VaultState $VaultName).Unlocked = $true
}

function Unregister-SecretVault {
    # Optional extension function, called by the real Unregister-SecretVault: forget this vault's secrets, as the
    # stand-in does, so a vault registered again under the same name starts empty.
    [CmdletBinding()]
    param([string] $VaultName, [hashtable] $AdditionalParameters)

    $all = [System.AppDomain]::CurrentDomain.GetData($script:StateKey)
    if ($all) {
        $all.Remove($VaultName)
    }
}
