@{
    # ModuleVersion is stamped by build.ps1 from Directory.Build.props; this source copy is never imported.
    ModuleVersion        = '0.0.0'
    RootModule           = 'BingX.PowerShell.dll'
    GUID                 = '95208585-a642-48be-9282-bec7d6532888'
    Author               = 'BingX.PowerShell contributors'
    CompanyName          = 'BingX.PowerShell contributors'
    Copyright            = '(c) BingX.PowerShell contributors. MIT License.'
    Description          = 'Administer BingX spot trading from PowerShell: see, cancel and place orders safely, with credentials from a SecretManagement vault.'

    # PowerShell 7.4+ (Core): the assembly targets net8.0, the runtime of 7.4; 7.2 and 7.3 are out of support.
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')

    FormatsToProcess     = @('BingX.Format.ps1xml')

    CmdletsToExport      = @(
        'Connect-BingX'
        'Disconnect-BingX'
        'Get-BingXBalance'
        'Get-BingXOpenOrder'
        'Get-BingXOrder'
        'Get-BingXServerTime'
        'Get-BingXSymbol'
        'New-BingXOrder'
        'Stop-BingXOpenOrder'
        'Stop-BingXOrder'
        'Enable-BingXCancelTimer'
        'Disable-BingXCancelTimer'
        'Get-BingXOrderHistory'
        'Get-BingXTrade'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('BingX', 'Crypto', 'Trading', 'Exchange', 'Spot', 'SecretManagement', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ProjectUri   = 'https://github.com/bingx-powershell/BingX.PowerShell'
            LicenseUri   = 'https://github.com/bingx-powershell/BingX.PowerShell/blob/main/LICENSE'
            ReleaseNotes = 'https://github.com/bingx-powershell/BingX.PowerShell/blob/main/CHANGELOG.md'
        }
    }
}
