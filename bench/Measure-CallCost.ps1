#Requires -Version 7.4
<#
.SYNOPSIS
    Diagnostic (not part of the report): splits the module's per-call cost in one process, interleaved, to show
    where the gap between Stop-BingXOpenOrder and the bare HttpClient floor comes from.

.DESCRIPTION
    Against a simulator without rate limits, with the module's limiter switched off (reflection, as in case 3), each
    round runs every variant for -Calls calls and prints per-call medians over -Rounds rounds:
      1 C# loop       : the floor's request (HttpClient, HMACSHA256, read the body) in a C# loop, from this process
      2 transport     : the module's internal client (BingXClient.CancelOpenOrdersAsync) in a C# loop, by reflection
      3 PS + C# call  : a PowerShell for loop calling variant 1 for one request per iteration
      4 PS + C# + cmdlet : variant 3 plus one no-op compiled cmdlet per iteration, with the same parameter attributes
                         as Stop-BingXOpenOrder (what any cmdlet costs when it runs between two requests)
      5 no-op cmdlet  : the no-op cmdlet alone in a tight loop (what it costs with warm caches)
      6 module        : Stop-BingXOpenOrder -Symbol ETH-USDT -Force
    Needs out/BingX and out/BingX.Simulator (./build.ps1).

.EXAMPLE
    dotnet pwsh -NoProfile -File bench/Measure-CallCost.ps1
#>
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/BingX'),
    [string] $SimulatorPath = (Join-Path $PSScriptRoot '../out/BingX.Simulator'),
    [int] $Calls = 300,
    [int] $Rounds = 15
)

$ErrorActionPreference = 'Stop'
$ModulePath = [IO.Path]::GetFullPath($ModulePath)
$env:BINGX_SIMULATOR_PATH = [IO.Path]::GetFullPath($SimulatorPath)
Import-Module (Join-Path $PSScriptRoot '../tests/Pester/TestHelpers/BingX.TestHelpers.psd1')
Import-Module (Join-Path $PSScriptRoot 'BenchTools.psm1')
$sim = Start-TestSimulator -NoRateLimits
try {
    $account = New-SimAccount -Simulator $sim
    Import-Module $ModulePath
    Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
    $assembly = [BingX.PowerShell.BingXOrder].Assembly
    $assembly.GetType('BingX.PowerShell.Client.RateLimiting.RequestRateLimiter', $true).GetProperty('Disabled', [Reflection.BindingFlags] 'Static, NonPublic').SetValue($null, $true)

    Add-Type -IgnoreWarnings -CompilerOptions '/nowarn:CS1701' -ReferencedAssemblies $assembly.Location, ([psobject].Assembly.Location), 'netstandard', 'System.Runtime', 'System.Collections', 'System.Net.Http', 'System.Net.Primitives', 'System.Security.Cryptography', 'System.Linq.Expressions' -TypeDefinition @'
using System; using System.Diagnostics; using System.Management.Automation; using System.Net.Http; using System.Reflection;
using System.Security.Cryptography; using System.Text; using System.Threading; using System.Threading.Tasks;

public static class CallCost
{
    static readonly HttpClient Http = new HttpClient();
    static string _root, _key; static byte[] _secret; static object _client; static MethodInfo _cancel;

    public static void Init(Assembly module, string root, string key, string secret)
    {
        _root = root.TrimEnd('/'); _key = key; _secret = Encoding.UTF8.GetBytes(secret);
        Type options = module.GetType("BingX.PowerShell.Client.BingXClientOptions"), client = module.GetType("BingX.PowerShell.Client.BingXClient");
        Type credential = module.GetType("BingX.PowerShell.Client.BingXApiCredential");
        object o = Activator.CreateInstance(options, true);
        options.GetProperty("BaseUri").SetValue(o, new Uri(root));
        options.GetProperty("Credential").SetValue(o, Activator.CreateInstance(credential, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new object[] { key, secret }, null));
        _client = Activator.CreateInstance(client, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new object[] { o }, null);
        _cancel = client.GetMethod("CancelOpenOrdersAsync");
    }

    public static void Floor()
    {
        string query = "symbol=ETH-USDT&timestamp=" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string signature = Convert.ToHexString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(query))).ToLowerInvariant();
        using var request = new HttpRequestMessage(HttpMethod.Post, _root + "/openApi/spot/v1/trade/cancelOpenOrders?" + query + "&signature=" + signature);
        request.Headers.TryAddWithoutValidation("X-BX-APIKEY", _key);
        using HttpResponseMessage response = Http.SendAsync(request).GetAwaiter().GetResult();
        response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
    }

    public static double FloorLoop(int n) { var w = Stopwatch.StartNew(); for (int i = 0; i < n; i++) Floor(); return w.Elapsed.TotalMilliseconds * 1000 / n; }

    public static double TransportLoop(int n)
    {
        var args = new object[] { "ETH-USDT", CancellationToken.None };
        var w = Stopwatch.StartNew();
        for (int i = 0; i < n; i++) ((Task)_cancel.Invoke(_client, args)).GetAwaiter().GetResult();
        return w.Elapsed.TotalMilliseconds * 1000 / n;
    }
}

[Cmdlet(VerbsDiagnostic.Test, "BenchNoop", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
public sealed class TestBenchNoopCommand : PSCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [BingX.PowerShell.Validation.BingXSymbolTransformation]
    [BingX.PowerShell.Validation.ValidateBingXSymbol]
    public string[] Symbol { get; set; }

    [Parameter] public SwitchParameter Force { get; set; }

    protected override void ProcessRecord() { }
}
'@ -PassThru | Select-Object -First 1 | ForEach-Object { Import-Module -Assembly $_.Assembly }

    [CallCost]::Init($assembly, [string] $sim.BaseUri, $account.ApiKey, $account.SecretKey)
    $variants = [ordered] @{
        '1 C# loop (floor request)'               = { param($n) [CallCost]::FloorLoop($n) }
        '2 module transport, C# loop'             = { param($n) [CallCost]::TransportLoop($n) }
        '3 PowerShell loop + C# request'          = { param($n) $w = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { [CallCost]::Floor() }; $w.Elapsed.TotalMilliseconds * 1000 / $n }
        '4 PowerShell loop + C# request + no-op cmdlet' = { param($n) $w = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { [CallCost]::Floor(); $null = Test-BenchNoop -Symbol ETH-USDT -Force }; $w.Elapsed.TotalMilliseconds * 1000 / $n }
        '5 no-op cmdlet alone (warm loop)'        = { param($n) $w = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n * 10; $i++) { $null = Test-BenchNoop -Symbol ETH-USDT -Force }; $w.Elapsed.TotalMilliseconds * 100 / $n }
        '6 Stop-BingXOpenOrder -Force'            = { param($n) $w = [Diagnostics.Stopwatch]::StartNew(); for ($i = 0; $i -lt $n; $i++) { $null = Stop-BingXOpenOrder -Symbol ETH-USDT -Force }; $w.Elapsed.TotalMilliseconds * 1000 / $n }
    }
    $samples = @{}
    foreach ($name in $variants.Keys) { $null = & $variants[$name] $Calls; $samples[$name] = [System.Collections.Generic.List[double]]::new() }
    for ($round = 0; $round -lt $Rounds; $round++) {
        foreach ($name in $variants.Keys) { $samples[$name].Add((& $variants[$name] $Calls)) }
    }
    "load average $(Get-LoadAverage); $Rounds rounds of $Calls calls; microseconds per call"
    foreach ($name in $variants.Keys) {
        $s = Get-Statistic $samples[$name]
        '{0,-48} median {1,6:0} us  (p10 {2,6:0} – p90 {3,6:0})' -f $name, $s.median, $s.p10, $s.p90
    }
}
finally {
    Stop-TestSimulator $sim
}
