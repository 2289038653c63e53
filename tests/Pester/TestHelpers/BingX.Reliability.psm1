<#
    Helpers for the reliability suites (Reliability.*.Tests.ps1, Hygiene.Tests.ps1, Culture.Tests.ps1): process-wide
    state of the loaded module, a server whose answers stall half way, Ctrl+C on a running command. Transport rules
    that no cmdlet shows are unit-tested in tests/BingX.PowerShell.Tests. Import after the module itself.
#>

Set-StrictMode -Version Latest

function Get-BingXInternalType([string] $Name) {
    return [BingX.PowerShell.BingXOrder].Assembly.GetType("BingX.PowerShell.$Name", $true)
}

function Reset-BingXProcessState {
    <#
    .SYNOPSIS
        Forgets every measured clock offset and every rate-limit pacer of this process (both are process-wide and
        shared by all runspaces), so a test starts from what a fresh process would do.
    #>
    [CmdletBinding()]
    param()
    $flags = [Reflection.BindingFlags] 'Static, NonPublic, Public'
    foreach ($name in 'Client.ServerClock', 'Client.RateLimiting.RequestRateLimiter') {
        $null = (Get-BingXInternalType $name).GetMethod('ResetAll', $flags).Invoke($null, @())
    }
}

function Start-StallingServer {
    <#
    .SYNOPSIS
        A loopback HTTP server that answers every request with 200, the headers and the first bytes of a JSON body
        (Content-Length promises more), then sends nothing more and keeps the connection open until stopped.
    .OUTPUTS
        [pscustomobject] @{ BaseUri; Accepted (the connections so far) } for Stop-StallingServer.
    #>
    [CmdletBinding()]
    param()
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $accepted = [System.Collections.Concurrent.ConcurrentQueue[System.Net.Sockets.TcpClient]]::new()
    $powershell = [powershell]::Create()
    $null = $powershell.AddScript({
            param($Listener, $Accepted)
            $partial = [Text.Encoding]::ASCII.GetBytes(
                "HTTP/1.1 200 OK`r`nContent-Type: application/json`r`nContent-Length: 1000`r`n`r`n{`"code`":0,`"msg`":`"`",`"data`":{`"serverTime`":17")
            while ($true) {
                try { $client = $Listener.AcceptTcpClient() } catch { return }
                $Accepted.Enqueue($client)
                $stream = $client.GetStream()
                $buffer = [byte[]]::new(16384)
                $request = ''
                while ($request -notmatch "`r`n`r`n") {
                    $read = $stream.Read($buffer, 0, $buffer.Length)
                    if ($read -le 0) { break }
                    $request += [Text.Encoding]::ASCII.GetString($buffer, 0, $read)
                }
                $stream.Write($partial, 0, $partial.Length)
                $stream.Flush()
            }
        }).AddParameter('Listener', $listener).AddParameter('Accepted', $accepted)
    $handle = $powershell.BeginInvoke()
    return [pscustomobject] @{
        BaseUri    = [uri] "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
        Accepted   = $accepted
        Listener   = $listener
        PowerShell = $powershell
        Handle     = $handle
    }
}

function Stop-StallingServer {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [AllowNull()] $Server)
    if ($null -eq $Server) { return }
    $Server.Listener.Stop()
    foreach ($client in $Server.Accepted) { $client.Dispose() }
    if ($Server.Handle.AsyncWaitHandle.WaitOne(5000)) { $Server.PowerShell.Dispose() }
}

function Stop-PowerShellWhileBusy {
    <#
    .SYNOPSIS
        Runs -Command in a new runspace (module imported), waits until it has been busy for -BusyMs, then stops it
        as Ctrl+C does (PowerShell.Stop -> StopProcessing) and measures how long stopping took.
        -Parameters become variables of the command's script ($BaseUri, $Credential, ...).
    .OUTPUTS
        [pscustomobject] @{ StopSeconds; Stopped; State; Errors }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Command,
        [hashtable] $Parameters = @{},
        [int] $BusyMs = 700,
        [int] $TimeoutSeconds = 15
    )
    $ready = [System.Threading.ManualResetEventSlim]::new($false)
    $powershell = [powershell]::Create()
    $stopped = $false
    try {
        $names = @('ModulePath', 'Ready') + @($Parameters.Keys)
        $script = "param(`$$($names -join ', $'))`nImport-Module `$ModulePath`n`$Ready.Set()`n$Command"
        $null = $powershell.AddScript($script).AddParameter('ModulePath', $env:BINGX_MODULE_PATH).AddParameter('Ready', $ready)
        foreach ($name in $Parameters.Keys) { $null = $powershell.AddParameter($name, $Parameters[$name]) }
        $handle = $powershell.BeginInvoke()
        if (-not $ready.Wait(30000)) { throw "The command did not start within 30 s: $($powershell.Streams.Error)" }
        Start-Sleep -Milliseconds $BusyMs
        if ($handle.IsCompleted) { throw "The command ended before it could be stopped: $($powershell.Streams.Error)" }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $stopping = $powershell.BeginStop($null, $null)
        $stopped = $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSeconds))
        return [pscustomobject] @{
            StopSeconds = $watch.Elapsed.TotalSeconds
            Stopped     = $stopped
            State       = [string] $powershell.InvocationStateInfo.State
            Errors      = @($powershell.Streams.Error)
        }
    }
    finally {
        # A runspace that would not stop is left behind rather than blocking the suite on Dispose.
        if ($stopped) { $powershell.Dispose() }
        $ready.Dispose()
    }
}

function Invoke-CapturedCommand {
    <#
    .SYNOPSIS
        Runs -Command in a new runspace (module imported) and returns every stream, progress included, which
        *>&1 cannot capture. -Parameters become variables of the command's script.
    .OUTPUTS
        [pscustomobject] @{ Output; Error (non-terminating records, then the terminating one); Warning; Verbose;
        Debug; Progress; Information; Seconds }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Command,
        [hashtable] $Parameters = @{}
    )
    $powershell = [powershell]::Create()
    try {
        $names = @('ModulePath') + @($Parameters.Keys)
        $script = "param(`$$($names -join ', $'))`nImport-Module `$ModulePath`n$Command"
        $null = $powershell.AddScript($script).AddParameter('ModulePath', $env:BINGX_MODULE_PATH)
        foreach ($name in $Parameters.Keys) { $null = $powershell.AddParameter($name, $Parameters[$name]) }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $output = @()
        $terminating = $null
        try {
            $output = @($powershell.Invoke())
        }
        catch {
            $exception = $_.Exception
            while ($exception -is [System.Management.Automation.MethodInvocationException] -and $exception.InnerException) { $exception = $exception.InnerException }
            if ($exception -isnot [System.Management.Automation.IContainsErrorRecord]) { throw }
            $terminating = $exception.ErrorRecord
        }
        $seconds = $watch.Elapsed.TotalSeconds
        return [pscustomobject] @{
            Output      = $output
            Error       = @(@($powershell.Streams.Error) + @($terminating | Where-Object { $_ }))
            Warning     = @($powershell.Streams.Warning)
            Verbose     = @($powershell.Streams.Verbose)
            Debug       = @($powershell.Streams.Debug)
            Progress    = @($powershell.Streams.Progress)
            Information = @($powershell.Streams.Information)
            Seconds     = $seconds
        }
    }
    finally {
        $powershell.Dispose()
    }
}

function New-SeededSimAccount {
    <#
    .SYNOPSIS
        A fresh connected account (its own rate-limit windows) with two open BTC-USDT orders at 30000.5 to read or
        cancel; their ids, sorted, are in OrderIds. The request log is cleared.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Simulator)
    $account = New-ConnectedSimAccount $Simulator
    $orders = Add-SimOrder -Simulator $Simulator -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000.5' -Quantity '0.001' -Count 2
    $account | Add-Member -NotePropertyName OrderIds -NotePropertyValue @($orders.orderId | ForEach-Object { [long] $_ } | Sort-Object)
    return $account
}

Export-ModuleMember -Function New-SeededSimAccount, Reset-BingXProcessState, Start-StallingServer, Stop-StallingServer, Stop-PowerShellWhileBusy, Invoke-CapturedCommand, Get-BingXInternalType
