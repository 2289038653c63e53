<#
    The set-up every test file of the module shares. Dot-source it in the file's BeforeAll:

        BeforeAll { . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1') -Helpers Reliability }
        AfterAll  { Stop-ModuleTest }

    It imports out/BingX ($env:BINGX_MODULE_PATH) and the test helpers (plus BingX.<name>.psm1 for each -Helpers
    name), starts a simulator, and leaves in the file's scope (Pester 5 shows a BeforeAll's variables and functions to
    its It blocks and to the AfterAll):
        $sim              the simulator
        $api              the spot endpoints' paths by name (Get-SpotApiPath)
        Stop-ModuleTest   disconnects, puts BINGX_BASE_URI back as it was, stops the simulator
    -PointBaseUri sets BINGX_BASE_URI to the simulator, so cmdlets that were never connected call it and not BingX.
    -VaultPrefix registers a contract vault (tests/SecretManagement/BingX.ContractVault) named $vault, "$prefix" + 'Main',
    where $prefix is -VaultPrefix and a random tail (-DefaultVault: as the default vault); Stop-ModuleTest unregisters
    every vault whose name starts with $prefix.
#>
param(
    [ValidateSet('Reliability', 'ChildProcess', 'AnsweringHost', 'AnswerDroppingProxy')] [string[]] $Helpers = @(),
    [switch] $PointBaseUri,
    [string] $VaultPrefix,
    [switch] $DefaultVault
)

Import-Module $env:BINGX_MODULE_PATH -Force
Import-Module (Join-Path $PSScriptRoot 'BingX.TestHelpers.psm1') -Force
foreach ($helper in $Helpers) { Import-Module (Join-Path $PSScriptRoot "BingX.$helper.psm1") -Force }
$sim = Start-TestSimulator
$api = Get-SpotApiPath
$baseUriBeforeTest = $env:BINGX_BASE_URI
if ($PointBaseUri) { $env:BINGX_BASE_URI = [string] $sim.BaseUri }
if ($VaultPrefix) {
    Import-Module Microsoft.PowerShell.SecretManagement -ErrorAction Stop
    $vaultModule = (Resolve-Path (Join-Path $PSScriptRoot '../../SecretManagement/BingX.ContractVault')).ProviderPath
    $prefix = $VaultPrefix + [guid]::NewGuid().ToString('N').Substring(0, 6)
    $vault = "${prefix}Main"
    # Left out rather than -DefaultVault:$false: without the switch, the first vault registered becomes the default.
    $asDefault = if ($DefaultVault) { @{ DefaultVault = $true } } else { @{} }
    Register-SecretVault -ModuleName $vaultModule -Name $vault @asDefault -ErrorAction Stop
}

function Stop-ModuleTest {
    Disconnect-BingX
    if ($VaultPrefix) { Get-SecretVault -Name "$prefix*" | Unregister-SecretVault }
    $env:BINGX_BASE_URI = $baseUriBeforeTest
    Stop-TestSimulator -Simulator $sim
}
