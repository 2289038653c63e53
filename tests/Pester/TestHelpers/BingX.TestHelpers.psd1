@{
    RootModule        = 'BingX.TestHelpers.psm1'
    ModuleVersion     = '0.1.0'
    GUID              = 'b6f3e0a2-6b47-4d8e-9d0c-2f3f8a1c7e55'
    Author            = 'BingX.PowerShell contributors'
    Description       = 'Test helpers: start, steer and stop the BingX spot simulator.'
    PowerShellVersion = '7.4'
    FunctionsToExport = @('Get-DotnetHost', 'Set-CurrentCulture', 'Invoke-InCulture', 'Get-SpotApiPath', 'Invoke-ChildPwsh', 'Invoke-ConnectedChildPwsh', 'New-ConnectedSimAccount', 'ConvertFrom-SimQuery', 'Start-TestSimulator', 'Stop-TestSimulator', 'Invoke-SimControl', 'Reset-Simulator', 'New-SimAccount',
        'Get-SimAccount', 'Get-SimOrder', 'Set-SimBalance', 'Add-SimOrder', 'Complete-SimOrder', 'Get-SimRequestLog', 'Clear-SimRequestLog',
        'Add-SimFault', 'Clear-SimFault', 'Set-SimClock', 'Set-SimSetting', 'Set-SimPrice', 'Get-SimSignature', 'Invoke-SignedSimRequest')
    CmdletsToExport   = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
