@{
    RootModule           = 'BingX.ContractVault.Extension.psm1'
    ModuleVersion        = '1.0.0'
    GUID                 = '9c4d7e21-5b6a-4c3e-8f1d-2a7b6c5d4e39'
    Author               = 'BingX.PowerShell contributors'
    CompanyName          = 'BingX.PowerShell contributors'
    Copyright            = '(c) BingX.PowerShell contributors. MIT License.'
    Description          = 'The SecretManagement extension functions of BingX.ContractVault.'
    PowerShellVersion    = '7.2'
    CompatiblePSEditions = @('Core')
    FunctionsToExport    = @('Get-Secret', 'Get-SecretInfo', 'Set-Secret', 'Remove-Secret', 'Test-SecretVault', 'Unlock-SecretVault', 'Unregister-SecretVault')
    CmdletsToExport      = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
}
