# Test-only SecretManagement extension vault, used when the contract tests run against the REAL
# Microsoft.PowerShell.SecretManagement (which only registers real extension vaults). It keeps secrets in memory,
# process-wide, and behaves like a Microsoft.PowerShell.SecretStore vault, including the locked state that
# VaultParameters @{ SimulateLocked = $true [; SimulatedPassword = '...'] } asks for. The stand-in module never loads it.
@{
    ModuleVersion        = '1.0.0'
    GUID                 = '3b0f3c55-8a0e-4f52-9d3f-6a1d2c9e7b41'
    Author               = 'BingX.PowerShell contributors'
    CompanyName          = 'BingX.PowerShell contributors'
    Copyright            = '(c) BingX.PowerShell contributors. MIT License.'
    Description          = 'Test-only in-memory SecretManagement extension vault for the BingX.PowerShell contract tests.'
    PowerShellVersion    = '7.2'
    CompatiblePSEditions = @('Core')

    # SecretManagement calls the vault functions through this nested module; the parent exports nothing, so they
    # never shadow SecretManagement's own Get-Secret and Set-Secret.
    NestedModules        = @('.\BingX.ContractVault.Extension')
    FunctionsToExport    = @()
    CmdletsToExport      = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{ PSData = @{ Tags = @('SecretManagement', 'Test') } }
}
