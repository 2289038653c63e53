# STAND-IN for tests. Not Microsoft's module: an in-memory double that honours the documented contract of
# Microsoft.PowerShell.SecretManagement 1.1.x, used only when the real module is not installed.
# See tests/SecretManagement/README.md for what it reproduces, how, and where it differs.
@{
    RootModule           = 'Microsoft.PowerShell.SecretManagement.psm1'

    # The same name, GUID and version as the module it stands in for, so that a RequiredModules entry written for
    # the real module (name, GUID, minimum version) resolves to the stand-in too.
    ModuleVersion        = '1.1.2'
    GUID                 = 'a5c858f6-4a8e-41f1-b1ee-0ff8f6ad69d3'

    Author               = 'BingX.PowerShell contributors'
    CompanyName          = 'BingX.PowerShell contributors'
    Copyright            = '(c) BingX.PowerShell contributors. MIT License.'
    Description          = 'STAND-IN for tests: an in-memory, process-wide double of Microsoft.PowerShell.SecretManagement 1.1.x.'

    PowerShellVersion    = '7.2'
    CompatiblePSEditions = @('Core')

    # The real module exports these as cmdlets; a script module can only export functions of the same names.
    # Set-SecretInfo is not provided (see README). Nothing stand-in-only is exported.
    FunctionsToExport    = @(
        'Register-SecretVault', 'Unregister-SecretVault', 'Get-SecretVault', 'Set-SecretVaultDefault',
        'Test-SecretVault', 'Unlock-SecretVault',
        'Set-Secret', 'Get-Secret', 'Get-SecretInfo', 'Remove-Secret')
    CmdletsToExport      = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags = @('StandIn', 'Test')
        }
    }
}
