<#
.SYNOPSIS
    The child-process half of Hygiene.Tests.ps1: runs every cmdlet of Hygiene.Invocations.psd1 under every condition
    (success, credential and vault failures, every kind of fault), with -Verbose -Debug, inside Start-Transcript,
    showing every stream on the host as a user would see it.

.DESCRIPTION
    Writes, for Hygiene.Tests.ps1 to read:
      -TranscriptPath  the transcript
      -DumpPath        every record of every stream, every error in full (Get-Error, Format-List * -Force,
                       exceptions and inner exceptions with ToString(), script stack traces, invocation info)
      -SummaryPath     JSON: which command ran under which condition, and the ErrorIds it reported
      -SecretsPath     JSON: the API keys and secrets this run used and every signature its simulator received
                       (what must appear nowhere else)
    Each process starts its own simulator: faults apply to every request a simulator receives.
    Never writes a key or secret anywhere else: no argument of this script carries one.
#>
param(
    [Parameter(Mandatory)] [string] $InvocationsPath,
    [Parameter(Mandatory)] [string] $VaultModulePath,
    [Parameter(Mandatory)] [string] $TranscriptPath,
    [Parameter(Mandatory)] [string] $DumpPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [Parameter(Mandatory)] [string] $SecretsPath,
    # Which part of the conditions this process runs: the ones that use the vault all go to shard 0 (a real
    # SecretManagement keeps one registry for all processes), the fault conditions are dealt out to the others.
    [int] $Shard = 0,
    [int] $ShardCount = 1
)

$ErrorActionPreference = 'Stop'
# Plain text: the transcript is scanned as text, and colour codes would split it.
$PSStyle.OutputRendering = 'PlainText'
Import-Module $env:BINGX_MODULE_PATH
Import-Module (Join-Path $PSScriptRoot 'BingX.TestHelpers.psm1')
Import-Module Microsoft.PowerShell.SecretManagement

$sim = Start-TestSimulator
$SimulatorBaseUri = [string] $sim.BaseUri
# Unconnected cmdlets (the vault conditions) go here instead of to production.
$env:BINGX_BASE_URI = $SimulatorBaseUri
$invocations = Import-PowerShellDataFile $InvocationsPath
$vault = 'BingXHygiene' + [guid]::NewGuid().ToString('N').Substring(0, 8)
$secrets = [System.Collections.Generic.List[object]]::new()
$summary = [System.Collections.Generic.List[object]]::new()

function New-RandomText([int] $Length = 64) {
    $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
    -join ([System.Security.Cryptography.RandomNumberGenerator]::GetBytes($Length) | ForEach-Object { $alphabet[$_ % $alphabet.Length] })
}

function New-Credential([string] $ApiKey, [string] $SecretKey) {
    $secrets.Add([pscustomobject] @{ ApiKey = $ApiKey; SecretKey = $SecretKey })
    [pscredential]::new($ApiKey, (ConvertTo-SecureString -String $SecretKey -AsPlainText -Force))
}

# How a condition gives the credentials: connected with -Credential, or through the default vault.
function Use-Credential([pscredential] $Credential) {
    # -SkipCheck: a wrong key must reach each command's own path (Connect-BingX's check would stop it here).
    Connect-BingX -BaseUri $SimulatorBaseUri -Credential $Credential -SkipCheck
    $script:CredentialArgs = @{ Credential = $Credential }
}

function Use-Vault($Secret) {
    if ($null -eq $Secret) {
        Remove-Secret -Name BingX -Vault $vault -ErrorAction SilentlyContinue
    }
    else {
        Set-Secret -Name BingX -Secret $Secret -Vault $vault
    }
    $script:CredentialArgs = @{}
}

$connected = { param($Account) Use-Credential $Account.Credential }
$conditions = [ordered] @{
    'connected'                            = @{ Setup = $connected }
    'from the vault'                       = @{ Vault = $true; Setup = { param($Account) Use-Vault $Account.Credential } }
    'WhatIf'                               = @{ Setup = $connected; WhatIf = $true }
    'wrong secret'                         = @{ Setup = { param($Account) Use-Credential (New-Credential $Account.ApiKey (New-RandomText)) } }
    'unknown API key'                      = @{ Setup = { param($Account) Use-Credential (New-Credential (New-RandomText) $Account.SecretKey) } }
    'no secret in the vault'               = @{ Vault = $true; Setup = { param($Account) Use-Vault $null } }
    'the secret key as a plain string'     = @{ Vault = $true; Setup = { param($Account) Use-Vault $Account.SecretKey } }
    'a hashtable without SecretKey'        = @{ Vault = $true; Setup = { param($Account) Use-Vault @{ ApiKey = $Account.ApiKey } } }
    'a hashtable without ApiKey'           = @{ Vault = $true; Setup = { param($Account) Use-Vault @{ SecretKey = $Account.SecretKey } } }
    'HTTP 500'                             = @{ Faults = @(@{ Kind = 'status'; Status = 500 }) }
    'HTML error page, recovered'           = @{ Faults = @(@{ Kind = 'html'; Count = 1 }) }
    'malformed JSON, recovered'            = @{ Faults = @(@{ Kind = 'malformed'; Count = 1 }) }
    'truncated JSON'                       = @{ Faults = @(@{ Kind = 'truncated' }) }
    'dropped connection'                   = @{ Faults = @(@{ Kind = 'drop' }) }
    'dropped after processing, recovered'  = @{ Faults = @(@{ Kind = 'drop'; AfterProcessing = $true; Count = 1 }) }
    'timeout'                              = @{ Faults = @(@{ Kind = 'delay'; DelayMs = 1500 }); Defaults = @{ TimeoutSec = 1 } }
    '100410 rate limited'                  = @{ Faults = @(@{ Kind = 'business'; Code = 100410; Variant = 'rate' }); Defaults = @{ MaxRateLimitWaitSec = 0 } }
    '100410 disabled period'               = @{ Faults = @(@{ Kind = 'business'; Code = 100410; Variant = 'disabled' }) }
    '100410 100202 penalty'                = @{ Faults = @(@{ Kind = 'business'; Code = 100410; Variant = 'penalty' }) }
    '100421 timestamp mismatch'            = @{ Faults = @(@{ Kind = 'business'; Code = 100421 }) }
    '100421 not tradable by API'           = @{ Faults = @(@{ Kind = 'business'; Code = 100421; Msg = 'symbol not tradable by API, please trade it on the BingX website or app' }) }
    '100419 IP not whitelisted'            = @{ Faults = @(@{ Kind = 'business'; Code = 100419 }) }
    '100004 permission denied'             = @{ Faults = @(@{ Kind = 'business'; Code = 100004 }) }
}

$dump = [System.Text.StringBuilder]::new()

# This process's share: conditions without faults (credentials, vault) in shard 0, faults dealt out to the rest.
$names = @($conditions.Keys)
$faultNames = @($names | Where-Object { $conditions[$_].Faults })
$mine = @(foreach ($name in $names) {
        $isFault = $faultNames -contains $name
        if ($ShardCount -eq 1) { $name }
        elseif (-not $isFault -and $Shard -eq 0) { $name }
        elseif ($isFault -and ([array]::IndexOf($faultNames, $name) % ($ShardCount - 1)) + 1 -eq $Shard) { $name }
    })
$usesVault = @($mine | Where-Object { $conditions[$_].Vault }).Count -gt 0

function Write-Dump([string] $Text) {
    $null = $dump.AppendLine($Text)
}

function Write-RecordDump($Record, [string] $ErrorDetail) {
    # Everything a script could reach: messages, every property of output objects, and for errors the whole chain
    # as Get-Error shows it, each exception's ToString() (message, inner exceptions, stack) and the script stack.
    switch ($Record) {
        { $_ -is [System.Management.Automation.InformationalRecord] } { Write-Dump $_.Message; break }
        { $_ -is [System.Management.Automation.InformationRecord] } { Write-Dump ([string] $_.MessageData); break }
        { $_ -is [System.Management.Automation.ErrorRecord] } {
            Write-Dump $ErrorDetail
            Write-Dump ([string] $_)
            Write-Dump ([string] $_.ScriptStackTrace)
            Write-Dump ([string] $_.ErrorDetails)
            for ($exception = $_.Exception; $null -ne $exception; $exception = $exception.InnerException) {
                Write-Dump $exception.ToString()
            }
            break
        }
        default { Write-Dump ($_ | Format-List * -Force | Out-String -Width 500) }
    }
}

if ($usesVault) { Register-SecretVault -ModuleName $VaultModulePath -Name $vault -DefaultVault }
Start-Transcript -LiteralPath $TranscriptPath -IncludeInvocationHeader | Out-Null
try {
    $VerbosePreference = 'Continue'
    $DebugPreference = 'Continue'
    $BaseUri = $SimulatorBaseUri
    $Symbol = 'BTC-USDT'

    foreach ($conditionName in $mine) {
        $condition = $conditions[$conditionName]
        # An account per condition, so no condition waits for another's rate-limit window.
        $created = New-SimAccount -Simulator $sim -Balances @{ USDT = '100000'; BTC = '10' }
        $account = [pscustomobject] @{ ApiKey = $created.ApiKey; SecretKey = $created.SecretKey; Credential = (New-Credential $created.ApiKey $created.SecretKey) }

        foreach ($command in @($invocations.Keys | Sort-Object)) {
            # The condition afresh for each command: a Connect- or Disconnect-BingX before must not change it.
            Clear-SimFault $sim
            $PSDefaultParameterValues.Clear()
            Disconnect-BingX -Verbose:$false -Debug:$false
            $order = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol $Symbol -Side BUY -Price '30000' -Quantity '0.001' -ClientOrderId ('hygiene_' + (New-RandomText 8)))[0]
            $OrderId = [long] $order.orderId
            $ClientOrderId = [string] $order.clientOrderId
            $NewClientOrderId = 'hygiene_new_' + (New-RandomText 8)
            $setup = if ($condition.Setup) { $condition.Setup } else { $connected }
            $VerbosePreference = 'SilentlyContinue'
            $DebugPreference = 'SilentlyContinue'
            & $setup $account
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            foreach ($fault in @($condition.Faults | Where-Object { $_ })) {
                $arguments = @{ Count = 50 }
                foreach ($name in $fault.Keys) { $arguments[$name] = $fault[$name] }
                $null = Add-SimFault -Simulator $sim @arguments
            }
            foreach ($name in @($condition.Defaults.Keys | Where-Object { $_ })) {
                $PSDefaultParameterValues["*-BingX*:$name"] = $condition.Defaults[$name]
            }

            # -WarningAction Continue: with -Debug, PowerShell turns warnings into Inquire, which a non-interactive
            # host refuses (PSInvalidOperationException), as it would in an unattended runbook.
            $line = $invocations[$command] + ' -Verbose -Debug -WarningAction Continue'
            if ($condition.WhatIf -and (Get-Command $command).Parameters.ContainsKey('WhatIf')) { $line += ' -WhatIf' }
            Write-Host "=== [$conditionName] $line"
            Write-Dump "=== [$conditionName] $line"
            $Error.Clear()
            $records = [System.Collections.Generic.List[object]]::new()
            $watch = [Diagnostics.Stopwatch]::StartNew()
            try {
                & ([scriptblock]::Create($line)) *>&1 | ForEach-Object { $records.Add($_) }
            }
            catch {
                $records.Add($_)
            }
            $elapsed = $watch.Elapsed.TotalSeconds
            $raised = @($Error)
            # Shown on the host on their own streams, as a user's console (and so the transcript) shows them.
            $ErrorActionPreference = 'Continue'
            foreach ($record in $records) {
                $detail = if ($record -is [System.Management.Automation.ErrorRecord]) { $record | Get-Error | Out-String -Width 500 } else { $null }
                Write-RecordDump $record $detail
                switch ($record) {
                    { $_ -is [System.Management.Automation.VerboseRecord] } { Write-Verbose $_.Message; break }
                    { $_ -is [System.Management.Automation.DebugRecord] } { Write-Debug $_.Message; break }
                    { $_ -is [System.Management.Automation.WarningRecord] } { Write-Warning $_.Message; break }
                    { $_ -is [System.Management.Automation.InformationRecord] } { Write-Information $_ -InformationAction Continue; break }
                    { $_ -is [System.Management.Automation.ErrorRecord] } { Write-Error -ErrorRecord $_; Write-Host $detail; break }
                    default { $_ | Out-Host }
                }
            }
            $ErrorActionPreference = 'Stop'
            # $Error as a script would find it afterwards (the same records, and any the pipeline raised besides).
            foreach ($record in $raised | Where-Object { $records -notcontains $_ }) { Write-RecordDump $record ($record | Get-Error | Out-String -Width 500) }
            Write-Host ('--- {0:0.00} s' -f $elapsed)

            $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $summary.Add([pscustomobject] @{
                    Condition = $conditionName
                    Command   = $command
                    ErrorIds  = @($errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
                    Outputs   = @($records | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.InformationalRecord] -and $_ -isnot [System.Management.Automation.InformationRecord] }).Count
                    Warnings  = @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count
                })
        }
    }
}
finally {
    $VerbosePreference = 'SilentlyContinue'
    $DebugPreference = 'SilentlyContinue'
    Clear-SimFault $sim
    Disconnect-BingX
    Stop-Transcript | Out-Null
    Set-Content -LiteralPath $DumpPath -Value $dump.ToString() -Encoding utf8
    if ($usesVault) { Unregister-SecretVault -Name $vault }
    ConvertTo-Json -InputObject @($summary) -Depth 5 | Set-Content -LiteralPath $SummaryPath -Encoding utf8
    $signatures = @(Get-SimRequestLog -Simulator $sim | ForEach-Object { [regex]::Match($_.query, '(?:^|&)signature=([0-9a-fA-F]+)').Groups[1].Value } |
            Where-Object { $_ } | Sort-Object -Unique)
    Stop-TestSimulator $sim
    ConvertTo-Json -InputObject ([pscustomobject] @{ Credentials = @($secrets); Signatures = $signatures }) -Depth 5 |
        Set-Content -LiteralPath $SecretsPath -Encoding utf8
}
