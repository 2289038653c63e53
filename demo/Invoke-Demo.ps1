<#
.SYNOPSIS
    The five-minute tour: the module against the bundled simulator, nothing leaves this machine.

.DESCRIPTION
    Starts the simulator (out/BingX.Simulator), seeds a demo account with open orders on three symbols, stores the
    demo credential in a SecretManagement vault, connects from the vault, then shows:
      Get-BingXOpenOrder                                      the open orders
      Stop-BingXOpenOrder -Symbol BTC-USDT -WhatIf            what would go (nothing is sent)
      Stop-BingXOpenOrder -Symbol BTC-USDT -Confirm:$false    the real cancel and what it returned
      Get-BingXOpenOrder                                      what is left: the other symbols' orders
    and stops the simulator, also when something fails. Exits 1 if the exchange's state is not what the steps
    should have left, so CI can run it.

    The vault: the real SecretStore when Microsoft.PowerShell.SecretManagement and Microsoft.PowerShell.SecretStore
    are installed (a throwaway, password-less store in a temporary HOME, so the user's own store is never touched;
    that path is not exercised where this was written, the modules being Gallery-only). Otherwise the in-memory
    stand-in under tests/SecretManagement, which honours SecretManagement's documented contract. The demo says
    which one it used.

    Run it through build.ps1, which builds first and starts it in a fresh pwsh:
        dotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/BingX'),
    [string] $SimulatorPath = (Join-Path $PSScriptRoot '../out/BingX.Simulator')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$clock = [Diagnostics.Stopwatch]::StartNew()
$repoRoot = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '..'))
$ModulePath = [IO.Path]::GetFullPath($ModulePath)
$SimulatorPath = [IO.Path]::GetFullPath($SimulatorPath)
$vaultName = 'BingXDemo'

function Write-Title([string] $Text) {
    Write-Host ''
    Write-Host $Text -ForegroundColor Cyan
    Write-Host ('-' * $Text.Length) -ForegroundColor Cyan
}

function Write-Command([string] $Text) {
    Write-Host ''
    Write-Host "PS> $Text" -ForegroundColor Yellow
}

function Write-Table {
    # Out-String renders now (Out-Default would interleave tables and Write-Host lines out of order).
    param([Parameter(ValueFromPipeline)] $InputObject, [switch] $List)
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($InputObject) }
    end {
        if ($items.Count -eq 0) { Write-Host '(nothing)' -ForegroundColor DarkGray; return }
        # The module's own views at the console's width, exactly what a user sees (they fit 80 columns).
        $formatted = if ($List) { $items | Format-List } else { $items | Format-Table }
        $text = $formatted | Out-String
        Write-Host (($text -split "`r?`n" | ForEach-Object TrimEnd) -join [Environment]::NewLine).Trim("`r", "`n")
    }
}

function Initialize-DemoVault {
    <#
        Makes a vault for the demo credential and returns its description. The real modules when both are
        installed; otherwise the stand-in, put first on PSModulePath for this process only.
    #>
    $realManagement = Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretManagement |
        Where-Object { $_.ModuleBase -notlike "$repoRoot*" }
    $realStore = Get-Module -ListAvailable -Name Microsoft.PowerShell.SecretStore
    if ($realManagement -and $realStore) {
        # UNTESTED here (the real modules are Gallery-only). SecretManagement and SecretStore keep their registry
        # and store under the user's home; a temporary HOME keeps the user's own vaults and store untouched.
        $script:demoHome = Join-Path ([IO.Path]::GetTempPath()) ('bingx-demo-' + [guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $script:demoHome
        $env:HOME = $script:demoHome
        $env:XDG_DATA_HOME = Join-Path $script:demoHome '.local/share'
        $env:XDG_CONFIG_HOME = Join-Path $script:demoHome '.config'
        $env:XDG_CACHE_HOME = Join-Path $script:demoHome '.cache'
        if ($IsWindows) { $env:LOCALAPPDATA = Join-Path $script:demoHome 'AppData/Local' }
        Import-Module Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore
        Reset-SecretStore -Authentication None -Interaction None -Force
        Register-SecretVault -Name $vaultName -ModuleName Microsoft.PowerShell.SecretStore -DefaultVault
        return "SecretStore (real Microsoft.PowerShell.SecretManagement + SecretStore), a throwaway password-less store in $script:demoHome"
    }

    $standIn = Join-Path $repoRoot 'tests/SecretManagement'
    $env:PSModulePath = $standIn + [IO.Path]::PathSeparator + $env:PSModulePath
    Import-Module Microsoft.PowerShell.SecretManagement
    Register-SecretVault -Name $vaultName -ModuleName (Join-Path $standIn 'BingX.ContractVault') -DefaultVault
    $why = if ($realManagement) { 'Microsoft.PowerShell.SecretStore is not installed' } else { 'Microsoft.PowerShell.SecretManagement is not installed (it is on the PowerShell Gallery only)' }
    return "the in-memory SecretManagement stand-in under tests/SecretManagement; $why"
}

function Assert-Demo([bool] $Condition, [string] $Message) {
    if (-not $Condition) { throw "Demo check failed: $Message" }
}

$simulator = $null
$exitCode = 0
try {
    Write-Title 'BingX.PowerShell demo: the module against a local BingX simulator (nothing leaves this machine)'

    Import-Module (Join-Path $repoRoot 'tests/Pester/TestHelpers/BingX.TestHelpers.psd1')
    $env:BINGX_SIMULATOR_PATH = $SimulatorPath
    $simulator = Start-TestSimulator
    $module = Import-Module $ModulePath -PassThru
    Write-Host "Module    : BingX $($module.Version) from $ModulePath"
    Write-Host "Simulator : $($simulator.BaseUri) (process $($simulator.Process.Id))"

    # A demo account with orders resting on three symbols.
    $account = New-SimAccount -Simulator $simulator -Balances @{ USDT = '50000'; BTC = '2'; ETH = '20'; SOL = '100' }
    $seeds = @(
        @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Price = '61250.5'; Quantity = '0.0150'; ClientOrderId = 'dip_buy_1' }
        @{ Symbol = 'BTC-USDT'; Side = 'BUY'; Price = '60100'; Quantity = '0.0200'; ClientOrderId = 'dip_buy_2' }
        @{ Symbol = 'BTC-USDT'; Side = 'SELL'; Price = '71999.99'; Quantity = '0.0100'; ClientOrderId = 'take_profit' }
        @{ Symbol = 'ETH-USDT'; Side = 'SELL'; Price = '3890.25'; Quantity = '0.5' }
        @{ Symbol = 'ETH-USDT'; Side = 'BUY'; Price = '3120'; Quantity = '0.75' }
        @{ Symbol = 'SOL-USDT'; Side = 'BUY'; Price = '142.8'; Quantity = '12' }
    )
    foreach ($seed in $seeds) { $null = Add-SimOrder -Simulator $simulator -ApiKey $account.ApiKey -Type LIMIT @seed }
    Write-Host "Account   : a demo account with $($seeds.Count) open LIMIT orders on BTC-USDT, ETH-USDT and SOL-USDT"

    $vaultDescription = Initialize-DemoVault
    Write-Host "Vault     : $vaultDescription"
    Set-Secret -Name BingX -Vault $vaultName -Secret $account.Credential
    Write-Host "Secret    : 'BingX' in vault '$vaultName' (a PSCredential: user name = API key, password = secret key)"

    Write-Title '1. Connect, reading the credential from the vault'
    Write-Command "Connect-BingX -BaseUri $($simulator.BaseUri) -Vault $vaultName -PassThru"
    Connect-BingX -BaseUri $simulator.BaseUri -Vault $vaultName -PassThru | Write-Table -List

    Write-Title '2. What is open'
    Write-Command 'Get-BingXOpenOrder'
    $before = @(Get-BingXOpenOrder | Sort-Object Symbol, Price)
    $before | Write-Table
    Assert-Demo ($before.Count -eq $seeds.Count) "expected $($seeds.Count) open orders, found $($before.Count)"

    Write-Title '3. What would go: -WhatIf reads the BTC-USDT orders and sends no cancel'
    Write-Command 'Stop-BingXOpenOrder -Symbol BTC-USDT -WhatIf'
    Stop-BingXOpenOrder -Symbol BTC-USDT -WhatIf
    Assert-Demo (@(Get-BingXOpenOrder -Symbol BTC-USDT).Count -eq 3) '-WhatIf must not cancel anything'

    Write-Title '4. The real cancel (-Confirm:$false: no prompt, as in a runbook)'
    Write-Command 'Stop-BingXOpenOrder -Symbol BTC-USDT -Confirm:$false'
    $cancelled = @(Stop-BingXOpenOrder -Symbol BTC-USDT -Confirm:$false)
    $cancelled | Write-Table
    Assert-Demo ($cancelled.Count -eq 3 -and @($cancelled | Where-Object Status -NE 'CANCELED').Count -eq 0) 'expected 3 BTC-USDT orders CANCELED'

    Write-Title '5. What is left: the other symbols'' orders'
    Write-Command 'Get-BingXOpenOrder'
    $after = @(Get-BingXOpenOrder | Sort-Object Symbol, Price)
    $after | Write-Table
    Assert-Demo ($after.Count -eq $seeds.Count - 3 -and @($after | Where-Object Symbol -EQ 'BTC-USDT').Count -eq 0) 'expected only the ETH-USDT and SOL-USDT orders to be left'

    Disconnect-BingX
    Write-Host ''
    Write-Host ("Demo finished in {0:0.0} s: {1} orders open before, {2} cancelled, {3} left." -f $clock.Elapsed.TotalSeconds, $before.Count, $cancelled.Count, $after.Count) -ForegroundColor Green
}
catch {
    $exitCode = 1
    Write-Host ''
    Write-Host "Demo failed: $($_.Exception.Message)" -ForegroundColor Red
    Write-Host $_.ScriptStackTrace -ForegroundColor DarkGray
}
finally {
    if ($simulator) {
        Stop-TestSimulator -Simulator $simulator
        Write-Host 'Simulator stopped.'
    }
    if ((Get-Variable demoHome -Scope Script -ErrorAction Ignore) -and (Test-Path $script:demoHome)) {
        Remove-Item $script:demoHome -Recurse -Force -ErrorAction Continue
    }
}
exit $exitCode
