<#
.SYNOPSIS
    A long-lived runner for case 3 (steady-state per-call cost) and case 5 (memory) of bench/Invoke-Bench.ps1.

.DESCRIPTION
    -Client Module     : the BingX module, connected once with Connect-BingX, calling Get-BingXOpenOrder and
                         Stop-BingXOpenOrder -Force. The module's process-wide rate limiter is switched off in this
                         process only, by reflection on an internal property (no user-facing switch exists).
    -Client RestMethod : the hand-written Invoke-RestMethod + HMACSHA256 function in BingXRestMethod.ps1.
    -Client HttpClient : PowerShell calling .NET directly, tuned the way a performance-minded scripter would: one
                         shared HttpClient, HMACSHA256.HashData, JsonDocument (the cheapest PowerShell can do per call
                         without a compiled module; it returns a count, not order objects).

    Environment: BENCH_BASE_URI, BENCH_API_KEY, BENCH_SECRET_KEY, BENCH_GET_SYMBOL, BENCH_CANCEL_SYMBOL.
    Protocol: prints one JSON line {"ready":true,...}; then for each stdin line "get N", "cancel N" or "memory" one
    JSON line; "exit" or end of input ends it. Only these JSON lines are written to stdout.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Module', 'RestMethod', 'HttpClient')] [string] $Client,
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

function Write-Line([hashtable] $Value) {
    [Console]::Out.WriteLine((ConvertTo-Json -InputObject $Value -Compress -Depth 5))
    [Console]::Out.Flush()
}

function Get-Memory {
    return @{ workingSet = [Environment]::WorkingSet; gcHeap = [GC]::GetTotalMemory($false) }
}

$baseUri = $env:BENCH_BASE_URI
$apiKey = $env:BENCH_API_KEY
$secretKey = $env:BENCH_SECRET_KEY
$getSymbol = $env:BENCH_GET_SYMBOL
$cancelSymbol = $env:BENCH_CANCEL_SYMBOL

$beforeImport = Get-Memory
$importWatch = [Diagnostics.Stopwatch]::StartNew()
if ($Client -eq 'Module') {
    Import-Module $ModulePath
}
elseif ($Client -eq 'RestMethod') {
    . (Join-Path $PSScriptRoot 'BingXRestMethod.ps1')
}
$importMs = $importWatch.Elapsed.TotalMilliseconds
$afterImport = Get-Memory

if ($Client -eq 'Module') {
    $credential = [pscredential]::new($apiKey, (ConvertTo-SecureString -String $secretKey -AsPlainText -Force))
    Connect-BingX -BaseUri $baseUri -Credential $credential
    # Overhead, not pacing, is measured here: the baselines do not pace either.
    $limiter = [BingX.PowerShell.BingXOrder].Assembly.GetType('BingX.PowerShell.Client.RateLimiting.RequestRateLimiter', $true)
    $limiter.GetProperty('Disabled', [Reflection.BindingFlags] 'Static, NonPublic').SetValue($null, $true)

    $get = {
        param([int] $Count)
        $orders = 0
        for ($i = 0; $i -lt $Count; $i++) {
            $orders += @(Get-BingXOpenOrder -Symbol $getSymbol).Count
        }
        $orders
    }
    $cancel = {
        param([int] $Count)
        $orders = 0
        for ($i = 0; $i -lt $Count; $i++) {
            $orders += @(Stop-BingXOpenOrder -Symbol $cancelSymbol -Force).Count
        }
        $orders
    }
}
elseif ($Client -eq 'HttpClient') {
    $http = [System.Net.Http.HttpClient]::new()
    $secretBytes = [System.Text.Encoding]::UTF8.GetBytes($secretKey)
    $root = $baseUri.TrimEnd('/')
    function Send-Signed([System.Net.Http.HttpMethod] $Method, [string] $Path, [string] $Symbol) {
        $query = "symbol=$Symbol&timestamp=$([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds())"
        $signature = [Convert]::ToHexStringLower([System.Security.Cryptography.HMACSHA256]::HashData($secretBytes, [System.Text.Encoding]::UTF8.GetBytes($query)))
        $request = [System.Net.Http.HttpRequestMessage]::new($Method, "$root$Path`?$query&signature=$signature")
        $null = $request.Headers.TryAddWithoutValidation('X-BX-APIKEY', $apiKey)
        $response = $http.SendAsync($request).GetAwaiter().GetResult()
        $json = [System.Text.Json.JsonDocument]::Parse($response.Content.ReadAsStringAsync().GetAwaiter().GetResult())
        $response.Dispose(); $request.Dispose()
        if ($json.RootElement.GetProperty('code').GetInt32() -ne 0) { throw "BingX error: $($json.RootElement.GetRawText())" }
        $count = $json.RootElement.GetProperty('data').GetProperty('orders').GetArrayLength()
        $json.Dispose()
        $count
    }
    $get = {
        param([int] $Count)
        $orders = 0
        for ($i = 0; $i -lt $Count; $i++) {
            $orders += Send-Signed ([System.Net.Http.HttpMethod]::Get) '/openApi/spot/v1/trade/openOrders' $getSymbol
        }
        $orders
    }
    $cancel = {
        param([int] $Count)
        $orders = 0
        for ($i = 0; $i -lt $Count; $i++) {
            $orders += Send-Signed ([System.Net.Http.HttpMethod]::Post) '/openApi/spot/v1/trade/cancelOpenOrders' $cancelSymbol
        }
        $orders
    }
}
else {
    $get = {
        param([int] $Count)
        $orders = 0
        for ($i = 0; $i -lt $Count; $i++) {
            $orders += @((Invoke-BingXRequest -Method Get -Path '/openApi/spot/v1/trade/openOrders' -Parameters @{ symbol = $getSymbol } -ApiKey $apiKey -SecretKey $secretKey -BaseUri $baseUri).orders).Count
        }
        $orders
    }
    $cancel = {
        param([int] $Count)
        $orders = 0
        for ($i = 0; $i -lt $Count; $i++) {
            $orders += @((Invoke-BingXRequest -Method Post -Path '/openApi/spot/v1/trade/cancelOpenOrders' -Parameters @{ symbol = $cancelSymbol } -ApiKey $apiKey -SecretKey $secretKey -BaseUri $baseUri).orders).Count
        }
        $orders
    }
}

Write-Line @{ ready = $true; client = $Client; importMs = $importMs; beforeImport = $beforeImport; afterImport = $afterImport; pwsh = [string] $PSVersionTable.PSVersion }

$self = [Diagnostics.Process]::GetCurrentProcess()
while ($null -ne ($line = [Console]::In.ReadLine())) {
    $words = @($line.Trim() -split '\s+')
    switch ($words[0]) {
        '' { continue }
        'exit' { exit 0 }
        'memory' {
            $memory = Get-Memory
            $memory.gcHeapAfterCollect = [GC]::GetTotalMemory($true)
            $memory.op = 'memory'
            Write-Line $memory
        }
        default {
            $op = $words[0]
            $count = [int] $words[1]
            $block = if ($op -eq 'get') { $get } else { $cancel }
            $orders = 0
            $failure = $null
            $cpuBefore = $self.TotalProcessorTime
            $watch = [Diagnostics.Stopwatch]::StartNew()
            try {
                $orders = & $block $count
            }
            catch {
                $failure = "$($_.FullyQualifiedErrorId): $($_.Exception.Message)"
            }
            $watch.Stop()
            $self.Refresh()
            $cpuMs = ($self.TotalProcessorTime - $cpuBefore).TotalMilliseconds
            Write-Line @{ op = $op; count = $count; ms = $watch.Elapsed.TotalMilliseconds; cpuMs = $cpuMs; orders = $orders; error = $failure }
        }
    }
}
