<#
    Helpers the whole Pester suite uses to run and steer the BingX spot simulator (tests/BingX.Simulator).
    Each test file starts its own simulator in BeforeAll and stops it in AfterAll:

        BeforeAll { Import-Module "$PSScriptRoot/TestHelpers/BingX.TestHelpers.psd1"; $sim = Start-TestSimulator }
        AfterAll  { Stop-TestSimulator $sim }

    A file that tests the module does that, and imports out/BingX, through TestHelpers/Start-ModuleTest.ps1.

    JSON and big integers: ConvertFrom-Json in PowerShell 7 reads integers that fit in Int64 exactly (order ids
    around 1.7e18 come back as [long]), but numbers with a fraction become [double]. Compare order ids as [long] or
    as the raw text (Invoke-SignedSimRequest returns .Body); never through [double].
#>

Set-StrictMode -Version Latest

# Child processes, the simulator's too, start through it; Invoke-ChildPwsh is re-exported below, so a test file imports
# one helper module.
Import-Module (Join-Path $PSScriptRoot 'BingX.ChildProcess.psm1')

$script:Http = [System.Net.Http.HttpClient]::new()
$script:Http.Timeout = [TimeSpan]::FromSeconds(100)
$script:Invariant = [cultureinfo]::InvariantCulture
$script:ListeningPrefix = 'BingX simulator listening on '

function Get-SimulatorDirectory {
    if ($env:BINGX_SIMULATOR_PATH) { return $env:BINGX_SIMULATOR_PATH }
    # Fallback for running a test file by hand after ./build.ps1: <repo>/out/BingX.Simulator.
    return [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../../../out/BingX.Simulator'))
}

function Get-DotnetHost {
    <# .SYNOPSIS The dotnet host that runs the simulator: this process when pwsh runs as the dotnet tool, else dotnet on PATH. #>
    $processPath = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') { return $processPath }
    $command = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) { throw 'Cannot start the simulator: the dotnet host is not on PATH.' }
    return $command.Source
}

function ConvertTo-InvariantText {
    # Decimals go to the simulator as strings so their scale survives ("0.0010" stays "0.0010").
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [string]) { return $Value }
    if ($Value -is [IFormattable]) { return $Value.ToString($null, $script:Invariant) }
    return [string] $Value
}

function Start-TestSimulator {
    <#
    .SYNOPSIS
        Starts a simulator on a free loopback port; it exits by itself when this PowerShell process ends.
    .OUTPUTS
        [pscustomobject] @{ BaseUri = [uri]; Port = [int]; Process = [Diagnostics.Process] }
    #>
    [CmdletBinding()]
    param(
        [switch] $NoRateLimits,
        [ValidateRange(1, 300)] [int] $TimeoutSeconds = 20,
        # The process whose end ends the simulator (tests of the watchdog pass a short-lived one).
        [int] $ParentProcessId = $PID
    )
    $directory = Get-SimulatorDirectory
    $dll = Join-Path $directory 'BingX.Simulator.dll'
    if (-not (Test-Path $dll)) {
        throw "The simulator is not built: '$dll' does not exist. Run ./build.ps1 (or set BINGX_SIMULATOR_PATH)."
    }

    $arguments = @('--port', '0', '--parent-pid', $ParentProcessId) + @(if ($NoRateLimits) { '--no-rate-limits' })
    # stderr is read to the end in the background from the start, so the child can never block on a full pipe;
    # stdout is read here, its first line first.
    $child = Start-ChildProcess (New-ChildStartInfo -Command (Get-DotnetHost), $dll -ArgumentList $arguments -WorkingDirectory $directory) -Conversation
    $process = $child.Process
    $stderr = $child.StdErr
    $firstLine = $process.StandardOutput.ReadLineAsync()
    if (-not $firstLine.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or $null -eq $firstLine.Result -or
        -not $firstLine.Result.StartsWith($script:ListeningPrefix)) {
        $line = if ($firstLine.IsCompleted) { $firstLine.Result } else { '<nothing>' }
        if (-not $process.HasExited) { $process.Kill($true) }
        $null = $process.WaitForExit(5000)
        $errorText = if ($stderr.Wait(2000)) { $stderr.Result } else { '' }
        throw "The simulator did not report that it listens within $TimeoutSeconds s. First stdout line: $line. stderr: $errorText"
    }
    $stdoutRest = $process.StandardOutput.ReadToEndAsync()

    $baseUri = [uri] $firstLine.Result.Substring($script:ListeningPrefix.Length).Trim()
    $simulator = [pscustomobject] @{
        BaseUri = $baseUri
        Port    = $baseUri.Port
        Process = $process
    }
    # Kept out of the default view: the drained output, in case a test wants to look at stderr after a crash.
    $simulator | Add-Member -MemberType NoteProperty -Name StandardError -Value $stderr
    $simulator | Add-Member -MemberType NoteProperty -Name StandardOutputRest -Value $stdoutRest
    return $simulator
}

function Stop-TestSimulator {
    <#
    .SYNOPSIS
        Ends the simulator process and waits for it. Safe to call twice, or when it has exited already.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [AllowNull()] $Simulator)
    if ($null -eq $Simulator -or $null -eq $Simulator.Process) { return }
    $process = $Simulator.Process
    try {
        if (-not $process.HasExited) {
            $process.Kill($true)
        }
        $null = $process.WaitForExit(10000)
    }
    catch [InvalidOperationException] {
        # Already gone and disposed: nothing left to stop.
    }
}

function Invoke-SimControl {
    <#
    .SYNOPSIS
        Calls the control API (/_sim/...) and returns the parsed JSON answer; throws on a 4xx/5xx with its error text.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [ValidateSet('GET', 'POST', 'DELETE')] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        [System.Collections.IDictionary] $Body
    )
    $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), [uri]::new($Simulator.BaseUri, $Path))
    try {
        if ($null -ne $Body) {
            $json = ConvertTo-Json -InputObject $Body -Depth 10 -Compress
            $request.Content = [System.Net.Http.StringContent]::new($json, [Text.Encoding]::UTF8, 'application/json')
        }
        $response = $script:Http.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        if (-not $response.IsSuccessStatusCode) {
            throw "Simulator control $Method $Path failed: HTTP $([int] $response.StatusCode): $text"
        }
        if ([string]::IsNullOrWhiteSpace($text)) { return $null }
        return ConvertFrom-Json -InputObject $text -Depth 50
    }
    finally {
        $request.Dispose()
    }
}

function Reset-Simulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    $null = Invoke-SimControl -Simulator $Simulator -Method POST -Path '/_sim/reset'
}

function New-SimRandomKey {
    # 64 letters and digits, like a real BingX API key or secret.
    $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
    $bytes = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(64)
    return -join ($bytes | ForEach-Object { $alphabet[$_ % $alphabet.Length] })
}

function New-SimAccount {
    <#
    .SYNOPSIS
        Creates an account (its own UID). Random 64-character key and secret unless given.
    .OUTPUTS
        [pscustomobject] @{ ApiKey; SecretKey; Uid; Credential = [pscredential] (user = ApiKey, password = SecretKey) }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Simulator,
        [string] $ApiKey = (New-SimRandomKey),
        [string] $SecretKey = (New-SimRandomKey),
        [System.Collections.IDictionary] $Balances = @{},
        [ValidateSet('Read', 'SpotTrading')] [string[]] $Permissions = @('Read', 'SpotTrading'),
        [string[]] $IpWhitelist = @()
    )
    $balanceText = [ordered] @{}
    foreach ($asset in $Balances.Keys) { $balanceText[$asset] = ConvertTo-InvariantText $Balances[$asset] }
    $body = [ordered] @{
        apiKey      = $ApiKey
        secretKey   = $SecretKey
        balances    = $balanceText
        permissions = @($Permissions)
        ipWhitelist = @($IpWhitelist)
    }
    $created = Invoke-SimControl -Simulator $Simulator -Method POST -Path '/_sim/accounts' -Body $body
    $secure = ConvertTo-SecureString -String $SecretKey -AsPlainText -Force
    return [pscustomobject] @{
        ApiKey     = $ApiKey
        SecretKey  = $SecretKey
        Uid        = [long] $created.uid
        Credential = [pscredential]::new($ApiKey, $secure)
    }
}

function Get-SimAccount {
    <# .SYNOPSIS The account as the simulator holds it: uid, balances (asset/free/locked) and every order. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $ApiKey)
    return Invoke-SimControl -Simulator $Simulator -Method GET -Path "/_sim/accounts/$([uri]::EscapeDataString($ApiKey))"
}

function Get-SimOrder {
    <# .SYNOPSIS The account's orders as the simulator holds them, every status; -Open: only those still open. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $ApiKey, [switch] $Open)
    $orders = @((Get-SimAccount -Simulator $Simulator -ApiKey $ApiKey).orders | Where-Object { $_ })
    if ($Open) { $orders = @($orders | Where-Object status -NotIn 'CANCELED', 'FILLED', 'FAILED') }
    return $orders
}

function Set-SimBalance {
    <# .SYNOPSIS Sets free balances, e.g. -Balances @{ USDT = '1000' }. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string] $ApiKey, [Parameter(Mandatory)] [System.Collections.IDictionary] $Balances)
    $body = [ordered] @{}
    foreach ($asset in $Balances.Keys) { $body[$asset] = ConvertTo-InvariantText $Balances[$asset] }
    return Invoke-SimControl -Simulator $Simulator -Method POST -Path "/_sim/accounts/$([uri]::EscapeDataString($ApiKey))/balances" -Body $body
}

function Add-SimOrder {
    <#
    .SYNOPSIS
        Seeds orders as if placed earlier (open ones lock funds granted on top of the balance).
        A LIMIT order without -Price rests at the symbol's market price. With -Count > 1 and -ClientOrderId,
        the client ids get _1, _2, ... appended.
    .OUTPUTS
        The created orders in the openOrders shape (orderId is [long]).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [string] $ApiKey,
        [Parameter(Mandatory)] [string] $Symbol,
        [Parameter(Mandatory)] [ValidateSet('BUY', 'SELL')] [string] $Side,
        [ValidateSet('MARKET', 'LIMIT', 'TAKE_STOP_LIMIT', 'TAKE_STOP_MARKET', 'TRIGGER_LIMIT', 'TRIGGER_MARKET')] [string] $Type = 'LIMIT',
        $Price,
        $Quantity = '1',
        $StopPrice,
        [string] $ClientOrderId,
        [ValidateSet('NEW', 'PENDING', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'FAILED')] [string] $Status,
        [ValidateRange(1, 10000)] [int] $Count = 1
    )
    $body = [ordered] @{ symbol = $Symbol; side = $Side; type = $Type; quantity = (ConvertTo-InvariantText $Quantity); count = $Count }
    if ($PSBoundParameters.ContainsKey('Price')) { $body.price = ConvertTo-InvariantText $Price }
    if ($PSBoundParameters.ContainsKey('StopPrice')) { $body.stopPrice = ConvertTo-InvariantText $StopPrice }
    if ($ClientOrderId) { $body.clientOrderId = $ClientOrderId }
    if ($Status) { $body.status = $Status }
    $answer = Invoke-SimControl -Simulator $Simulator -Method POST -Path "/_sim/accounts/$([uri]::EscapeDataString($ApiKey))/orders" -Body $body
    return $answer.orders
}

function Complete-SimOrder {
    <# .SYNOPSIS Fills an open order (all of it, or -Quantity of it): FILLED or PARTIALLY_FILLED, balances settle. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [long] $OrderId, $Quantity)
    $body = [ordered] @{}
    if ($PSBoundParameters.ContainsKey('Quantity')) { $body.quantity = ConvertTo-InvariantText $Quantity }
    $answer = Invoke-SimControl -Simulator $Simulator -Method POST -Path "/_sim/orders/$OrderId/fill" -Body $body
    return $answer.order
}

function Get-SimRequestLog {
    <# .SYNOPSIS The /openApi requests the simulator received (oldest first), optionally for one path only. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Simulator, [string] $Path)
    $query = if ($Path) { '?path=' + [uri]::EscapeDataString($Path) } else { '' }
    $answer = Invoke-SimControl -Simulator $Simulator -Method GET -Path "/_sim/requests$query"
    return $answer.requests
}

function Clear-SimRequestLog {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    $null = Invoke-SimControl -Simulator $Simulator -Method DELETE -Path '/_sim/requests'
}

function Add-SimFault {
    <#
    .SYNOPSIS
        Makes the next -Count matching /openApi requests fail: delay, status, html, malformed, truncated, drop, business, hangup.
    .OUTPUTS
        The fault id.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [ValidateSet('delay', 'status', 'html', 'malformed', 'truncated', 'drop', 'business', 'hangup')] [string] $Kind,
        [string] $Path,
        [ValidateRange(1, [int]::MaxValue)] [int] $Count = 1,
        [int] $Status,
        [int] $Code,
        [string] $Msg,
        [ValidateSet('rate', 'disabled', 'penalty')] [string] $Variant,
        [int] $DelayMs,
        [switch] $AfterProcessing
    )
    $body = [ordered] @{ kind = $Kind; count = $Count }
    if ($Path) { $body.path = $Path }
    if ($PSBoundParameters.ContainsKey('Status')) { $body.status = $Status }
    if ($PSBoundParameters.ContainsKey('Code')) { $body.code = $Code }
    if ($PSBoundParameters.ContainsKey('Msg')) { $body.msg = $Msg }
    if ($Variant) { $body.variant = $Variant }
    if ($PSBoundParameters.ContainsKey('DelayMs')) { $body.delayMs = $DelayMs }
    if ($AfterProcessing) { $body.afterProcessing = $true }
    return (Invoke-SimControl -Simulator $Simulator -Method POST -Path '/_sim/faults' -Body $body).id
}

function Clear-SimFault {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    $null = Invoke-SimControl -Simulator $Simulator -Method DELETE -Path '/_sim/faults'
}

function Set-SimClock {
    <#
    .SYNOPSIS
        Moves the server clock: -OffsetMs (real time + offset), -FixedTimeMs (frozen), or -Real.
    .OUTPUTS
        The server time in ms after the change.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Real')]
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory, ParameterSetName = 'Offset')] [long] $OffsetMs,
        [Parameter(Mandatory, ParameterSetName = 'Fixed')] [long] $FixedTimeMs,
        [Parameter(ParameterSetName = 'Real')] [switch] $Real
    )
    $body = switch ($PSCmdlet.ParameterSetName) {
        'Offset' { @{ offsetMs = $OffsetMs } }
        'Fixed' { @{ fixedTimeMs = $FixedTimeMs } }
        default { @{} }
    }
    return [long] (Invoke-SimControl -Simulator $Simulator -Method POST -Path '/_sim/clock' -Body $body).serverTime
}

function Set-SimSetting {
    <#
    .SYNOPSIS
        Switches rate limits on or off, and optionally tunes the disabled period and the 100202 penalty.
    .OUTPUTS
        The settings now in force.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Simulator,
        [bool] $RateLimits,
        [int] $ViolationsToDisable,
        [long] $ViolationWindowMs,
        [long] $DisabledPeriodMs,
        [int] $PenaltyErrors,
        [long] $PenaltyWindowMs
    )
    $body = [ordered] @{}
    foreach ($name in 'RateLimits', 'ViolationsToDisable', 'ViolationWindowMs', 'DisabledPeriodMs', 'PenaltyErrors', 'PenaltyWindowMs') {
        if ($PSBoundParameters.ContainsKey($name)) { $body[$name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)] = $PSBoundParameters[$name] }
    }
    return Invoke-SimControl -Simulator $Simulator -Method POST -Path '/_sim/settings' -Body $body
}

function Set-SimPrice {
    <# .SYNOPSIS Sets market prices (MARKET orders fill at them): -Symbol BTC-USDT -Price 43000, or -Prices @{ 'BTC-USDT' = '43000' }. #>
    [CmdletBinding(DefaultParameterSetName = 'One')]
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory, ParameterSetName = 'One')] [string] $Symbol,
        [Parameter(Mandatory, ParameterSetName = 'One')] $Price,
        [Parameter(Mandatory, ParameterSetName = 'Many')] [System.Collections.IDictionary] $Prices
    )
    $body = [ordered] @{}
    if ($PSCmdlet.ParameterSetName -eq 'One') { $body[$Symbol] = ConvertTo-InvariantText $Price }
    else { foreach ($key in $Prices.Keys) { $body[$key] = ConvertTo-InvariantText $Prices[$key] } }
    return (Invoke-SimControl -Simulator $Simulator -Method POST -Path '/_sim/prices' -Body $body).prices
}

function Get-SimSignature {
    <# .SYNOPSIS Lowercase hex HMAC-SHA256 of the text, keyed with the secret: BingX's request signature. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $SecretKey, [Parameter(Mandatory)] [AllowEmptyString()] [string] $Text)
    $mac = [System.Security.Cryptography.HMACSHA256]::HashData([Text.Encoding]::UTF8.GetBytes($SecretKey), [Text.Encoding]::UTF8.GetBytes($Text))
    return [Convert]::ToHexString($mac).ToLowerInvariant()
}

function Invoke-SignedSimRequest {
    <#
    .SYNOPSIS
        A tiny independent BingX client for testing the simulator itself: signs "k=v&..." (raw values, in the order
        given, timestamp appended last unless -Parameters has one) and sends the values URL-encoded, in the query
        string or (-InBody) as a form body. Never throws on a non-2xx answer.
    .OUTPUTS
        [pscustomobject] @{ StatusCode = [int]; Body = [string] (raw); Json = parsed object or $null; SignedText; Signature }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Simulator,
        [AllowNull()] [AllowEmptyString()] [string] $ApiKey,
        [AllowNull()] [AllowEmptyString()] [string] $SecretKey,
        [ValidateSet('GET', 'POST', 'DELETE', 'PUT')] [string] $Method = 'GET',
        [Parameter(Mandatory)] [string] $Path,
        [System.Collections.IDictionary] $Parameters = ([ordered] @{}),
        [switch] $NoTimestamp,
        [long] $Timestamp,
        # Sent as given instead of the computed one (use '' with -NoSignature to leave it out).
        [string] $Signature,
        [switch] $NoSignature,
        [switch] $InBody
    )
    $pairs = [System.Collections.Generic.List[object]]::new()
    foreach ($key in $Parameters.Keys) { $pairs.Add(@([string] $key, (ConvertTo-InvariantText $Parameters[$key]))) }
    if (-not $NoTimestamp -and -not $Parameters.Contains('timestamp')) {
        $stamp = if ($PSBoundParameters.ContainsKey('Timestamp')) { $Timestamp } else { [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() }
        $pairs.Add(@('timestamp', [string] $stamp))
    }
    $signedText = ($pairs | ForEach-Object { '{0}={1}' -f $_[0], $_[1] }) -join '&'
    $sign = if ($PSBoundParameters.ContainsKey('Signature')) { $Signature } elseif ($SecretKey) { Get-SimSignature -SecretKey $SecretKey -Text $signedText } else { '' }
    $encoded = ($pairs | ForEach-Object { '{0}={1}' -f [uri]::EscapeDataString($_[0]), [uri]::EscapeDataString($_[1]) }) -join '&'
    if (-not $NoSignature) {
        $encoded = if ($encoded) { "$encoded&signature=$sign" } else { "signature=$sign" }
    }

    $target = [uri]::new($Simulator.BaseUri, $Path)
    if (-not $InBody -and $encoded) { $target = [uri] ($target.AbsoluteUri + '?' + $encoded) }
    $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($Method), $target)
    try {
        if ($ApiKey) { $null = $request.Headers.TryAddWithoutValidation('X-BX-APIKEY', $ApiKey) }
        if ($InBody) {
            $request.Content = [System.Net.Http.StringContent]::new($encoded, [Text.Encoding]::UTF8, 'application/x-www-form-urlencoded')
        }
        $response = $script:Http.SendAsync($request).GetAwaiter().GetResult()
        $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
        $json = $null
        try { $json = ConvertFrom-Json -InputObject $text -Depth 50 -ErrorAction Stop } catch { $json = $null }
        return [pscustomobject] @{
            StatusCode = [int] $response.StatusCode
            Body       = $text
            Json       = $json
            SignedText = $signedText
            Signature  = $sign
        }
    }
    finally {
        $request.Dispose()
    }
}

function New-ConnectedSimAccount {
    <#
    .SYNOPSIS
        A fresh simulator account (its own orders and rate-limit windows), connected with Connect-BingX, with the
        request log cleared so a test sees only what it sends. Needs the BingX module imported.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Simulator,
        [System.Collections.IDictionary] $Balances = @{ USDT = '1000000'; BTC = '100'; ETH = '1000' },
        [string[]] $Permissions = @('Read', 'SpotTrading')
    )
    $account = New-SimAccount -Simulator $Simulator -Balances $Balances -Permissions $Permissions
    Connect-BingX -BaseUri $Simulator.BaseUri -Credential $account.Credential
    Clear-SimRequestLog $Simulator
    return $account
}

function ConvertFrom-SimQuery {
    <# .SYNOPSIS A logged query string ("k=v&k=v") as an ordered dictionary of decoded values, in the order sent. #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param([Parameter(Mandatory, Position = 0)] [AllowEmptyString()] [string] $Query)
    $pairs = [ordered] @{}
    foreach ($pair in $Query -split '&' | Where-Object { $_ }) {
        $name, $value = $pair -split '=', 2
        $pairs[$name] = [uri]::UnescapeDataString($value)
    }
    return $pairs
}

function Set-CurrentCulture {
    <# .SYNOPSIS Sets this thread's CurrentCulture (what the module must not depend on) and returns the one it replaced. #>
    [CmdletBinding()]
    [OutputType([cultureinfo])]
    param([Parameter(Mandatory, Position = 0)] [cultureinfo] $Culture)
    $previous = [cultureinfo]::CurrentCulture
    [cultureinfo]::CurrentCulture = $Culture
    return $previous
}

function Invoke-InCulture {
    <# .SYNOPSIS Runs -ScriptBlock under -Culture (CurrentCulture), puts the previous culture back, and returns its output. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [cultureinfo] $Culture, [Parameter(Mandatory, Position = 1)] [scriptblock] $ScriptBlock)
    $previous = Set-CurrentCulture $Culture
    try { & $ScriptBlock }
    finally { $null = Set-CurrentCulture $previous }
}

function Get-SpotApiPath {
    <#
    .SYNOPSIS
        The paths of the spot endpoints the tests call or fault, by name ($api.CancelAll, $api.Order, ...): each
        written once here, so a test names the endpoint and not its spelling.
    #>
    [CmdletBinding()]
    param()
    $spot = '/openApi/spot/v1'
    return [pscustomobject] @{
        Order       = "$spot/trade/order"
        Query       = "$spot/trade/query"
        Cancel      = "$spot/trade/cancel"
        CancelMany  = "$spot/trade/cancelOrders"
        CancelAll   = "$spot/trade/cancelOpenOrders"
        CancelTimer = "$spot/trade/cancelAllAfter"
        OpenOrders  = "$spot/trade/openOrders"
        History     = "$spot/trade/historyOrders"
        Trades      = "$spot/trade/myTrades"
        Balance     = "$spot/account/balance"
        Symbols     = "$spot/common/symbols"
        ServerTime  = "$spot/server/time"
    }
}

Export-ModuleMember -Function Get-DotnetHost, Set-CurrentCulture, Invoke-InCulture, Get-SpotApiPath, Invoke-ChildPwsh, Invoke-ConnectedChildPwsh, New-ConnectedSimAccount, ConvertFrom-SimQuery, Start-TestSimulator, Stop-TestSimulator, Invoke-SimControl, Reset-Simulator, New-SimAccount,
    Get-SimAccount, Get-SimOrder, Set-SimBalance, Add-SimOrder, Complete-SimOrder, Get-SimRequestLog, Clear-SimRequestLog, Add-SimFault,
    Clear-SimFault, Set-SimClock, Set-SimSetting, Set-SimPrice, Get-SimSignature, Invoke-SignedSimRequest
