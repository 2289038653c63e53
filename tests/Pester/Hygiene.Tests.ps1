# Secret hygiene, tested rather than assumed: every exported cmdlet runs with -Verbose -Debug under Start-Transcript,
# on success and on every error path (credentials, vault, every fault kind), in child pwsh processes
# (TestHelpers/Invoke-HygieneRun.ps1, each with its own simulator). Then nothing it showed or kept - transcript, console, any stream, any error
# record, exception, inner exception or stack trace - may hold a full API key, a secret key, or any signature the
# exchange received. The API key may appear only shortened (first4...last4).
#
# A new cmdlet needs one line in Hygiene.Invocations.psd1; this file fails for an exported cmdlet without one.
BeforeDiscovery {
    Import-Module $env:BINGX_MODULE_PATH -Force
    $cmdletNames = @((Get-Command -Module BingX -CommandType Cmdlet).Name | Sort-Object)

    # What Stop-BingXOpenOrder must report under each condition: proof that each error path really ran.
    $expectations = @(
        @{ Condition = 'connected'; ErrorId = $null }
        @{ Condition = 'from the vault'; ErrorId = $null }
        @{ Condition = 'WhatIf'; ErrorId = $null }
        @{ Condition = 'wrong secret'; ErrorId = 'BingXAuthenticationFailed' }
        @{ Condition = 'unknown API key'; ErrorId = 'BingXAuthenticationFailed' }
        @{ Condition = 'no secret in the vault'; ErrorId = 'BingXSecretNotFound' }
        @{ Condition = 'the secret key as a plain string'; ErrorId = 'BingXSecretInvalid' }
        @{ Condition = 'a hashtable without SecretKey'; ErrorId = 'BingXSecretInvalid' }
        @{ Condition = 'a hashtable without ApiKey'; ErrorId = 'BingXSecretInvalid' }
        @{ Condition = 'HTTP 500'; ErrorId = 'BingXHttpError' }
        @{ Condition = 'HTML error page, recovered'; ErrorId = $null }
        @{ Condition = 'malformed JSON, recovered'; ErrorId = $null }
        @{ Condition = 'truncated JSON'; ErrorId = 'BingXInvalidResponse' }
        @{ Condition = 'dropped connection'; ErrorId = 'BingXNetworkError' }
        @{ Condition = 'dropped after processing, recovered'; ErrorId = $null }
        @{ Condition = 'timeout'; ErrorId = 'BingXTimeout' }
        @{ Condition = '100410 rate limited'; ErrorId = 'BingXRateLimited' }
        @{ Condition = '100410 disabled period'; ErrorId = 'BingXRateLimited' }
        @{ Condition = '100410 100202 penalty'; ErrorId = 'BingXRateLimited' }
        @{ Condition = '100421 timestamp mismatch'; ErrorId = 'BingXTimestampRejected' }
        @{ Condition = '100421 not tradable by API'; ErrorId = 'BingXApiError' }
        @{ Condition = '100419 IP not whitelisted'; ErrorId = 'BingXIpNotWhitelisted' }
        @{ Condition = '100004 permission denied'; ErrorId = 'BingXPermissionDenied' }
    )
}

BeforeAll {
    Import-Module $env:BINGX_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.ChildProcess.psm1') -Force
    $invocationsPath = Join-Path $PSScriptRoot 'Hygiene.Invocations.psd1'
    $invocations = Import-PowerShellDataFile $invocationsPath
    $exported = @((Get-Command -Module BingX -CommandType Cmdlet).Name | Sort-Object)

    $work = Join-Path ([IO.Path]::GetTempPath()) ('BingXHygiene' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
    $runner = Join-Path $PSScriptRoot 'TestHelpers/Invoke-HygieneRun.ps1'
    $vaultModule = (Resolve-Path (Join-Path $PSScriptRoot '../SecretManagement/BingX.ContractVault')).ProviderPath

    # Three processes share the conditions (each with its own simulator): most of the time goes on timeouts and
    # backoff, not on the CPU.
    $shardCount = 3
    $shards = foreach ($shard in 0..($shardCount - 1)) {
        $paths = [ordered] @{
            TranscriptPath = Join-Path $work "transcript$shard.txt"
            DumpPath       = Join-Path $work "dump$shard.txt"
            SummaryPath    = Join-Path $work "summary$shard.json"
            SecretsPath    = Join-Path $work "secrets$shard.json"
        }
        $arguments = @('-File', $runner, '-InvocationsPath', $invocationsPath, '-VaultModulePath', $vaultModule, '-Shard', $shard, '-ShardCount', $shardCount)
        foreach ($name in $paths.Keys) { $arguments += @("-$name", $paths[$name]) }
        [pscustomobject] @{ Paths = $paths; Child = Start-ChildProcess (New-ChildStartInfo -ArgumentList $arguments); Run = $null }
    }
    foreach ($shard in $shards) { $shard.Run = Wait-ChildProcess $shard.Child -TimeoutSec 300 }
    $exitCodes = @($shards | ForEach-Object { $_.Run.ExitCode })
    # Without colour codes: they are not valid in the test-result XML.
    $console = @($shards | ForEach-Object { ($_.Run.StdOut + $_.Run.StdErr) -replace '\x1b\[[0-9;]*m', '' })

    function Read-Shards([string] $Name) {
        foreach ($shard in $shards) {
            if (Test-Path -LiteralPath $shard.Paths[$Name]) { Get-Content -Raw -LiteralPath $shard.Paths[$Name] }
        }
    }
    $summary = @(Read-Shards SummaryPath | ForEach-Object { ConvertFrom-Json $_ } | ForEach-Object { $_ })
    $secretFiles = @(Read-Shards SecretsPath | ForEach-Object { ConvertFrom-Json $_ })
    $used = @($secretFiles | ForEach-Object { $_.Credentials })
    $signatures = @($secretFiles | ForEach-Object { $_.Signatures } | Where-Object { $_ })
    $sources = [ordered] @{
        'the transcript'                                   = (Read-Shards TranscriptPath) -join "`n"
        'the console'                                      = $console -join "`n"
        'the streams, errors, exceptions and stack traces' = (Read-Shards DumpPath) -join "`n"
    }

    function Find-Leak([string] $Kind, [string[]] $Values) {
        # Names where a value was found, never the value itself. Also looks through the text with all white space
        # removed: a console wraps long lines, and a wrapped key is still a leaked key.
        foreach ($source in $sources.Keys) {
            $text = $sources[$source]
            $joined = $text -replace '\s', ''
            foreach ($value in $Values | Where-Object { $_ }) {
                $at = $text.IndexOf($value, [StringComparison]::Ordinal)
                if ($at -ge 0) {
                    "$Kind in $source, after: ...$($text.Substring([math]::Max(0, $at - 60), [math]::Min(60, $at)))"
                }
                elseif ($joined.IndexOf($value, [StringComparison]::Ordinal) -ge 0) {
                    "$Kind in $source, across a line break"
                }
            }
        }
    }
}

AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The hygiene table covers every exported cmdlet' {
    It '<_> has a line in Hygiene.Invocations.psd1' -ForEach $cmdletNames {
        $invocations.Keys | Should -Contain $_ -Because 'every cmdlet must be run by the hygiene test: add one line to Hygiene.Invocations.psd1'
    }

    It 'the table names only exported cmdlets' {
        foreach ($name in $invocations.Keys) { $exported | Should -Contain $name }
    }
}

Describe 'Every cmdlet with -Verbose -Debug under Start-Transcript, on success and every error path' {
    It 'the run completed: every cmdlet under every condition' -ForEach @{ Expected = @($expectations | ForEach-Object { $_.Condition }) } {
        $exitCodes | Should -Be (@(0) * $shardCount) -Because ($console -join "`n")
        $conditions = @($summary.Condition | Select-Object -Unique)
        @($conditions | Sort-Object) | Should -Be @($Expected | Sort-Object)
        foreach ($name in $exported) {
            @($summary | Where-Object Command -EQ $name) | Should -HaveCount $conditions.Count -Because "$name must run under every condition"
        }
    }

    It 'Stop-BingXOpenOrder under "<Condition>" reported <ErrorId> (the path really ran)' -ForEach $expectations {
        $entry = $summary | Where-Object { $_.Condition -eq $Condition -and $_.Command -eq 'Stop-BingXOpenOrder' }
        $entry | Should -HaveCount 1
        if ($ErrorId) {
            @($entry.ErrorIds) | Should -Contain $ErrorId
        }
        else {
            @($entry.ErrorIds) | Should -BeNullOrEmpty
        }
    }

    It 'every error carried a BingX ErrorId: no raw .NET exception under any condition' {
        $summary | ForEach-Object { $_.ErrorIds } | Where-Object { $_ -notlike 'BingX*' } | Sort-Object -Unique | Should -BeNullOrEmpty
    }

    It 'what was scanned is what a user sees: verbose, debug, warnings and errors, with the key shortened' {
        $transcript = $sources['the transcript']
        $transcript | Should -Match 'VERBOSE: POST /openApi/spot/v1/trade/cancelOpenOrders -> HTTP 200'
        $transcript | Should -Match 'DEBUG: POST /openApi/spot/v1/trade/cancelOpenOrders\?symbol=BTC-USDT&timestamp=\d+&signature=\[redacted\]; X-BX-APIKEY: \w{4}\.\.\.\w{4}'
        $transcript | Should -Match 'VERBOSE: .*an earlier attempt lost its answer'
        $transcript | Should -Match 'What if:'
        $transcript | Should -Match 'BingXRateLimited,BingX.PowerShell.Commands.StopBingXOpenOrderCommand'
        $transcript | Should -Match 'StackTrace'
        $shortened = $used[0].ApiKey.Substring(0, 4) + '...' + $used[0].ApiKey.Substring($used[0].ApiKey.Length - 4)
        $transcript | Should -Match ([regex]::Escape("X-BX-APIKEY: $shortened"))
        $sources['the streams, errors, exceptions and stack traces'] | Should -Match ([regex]::Escape($shortened))
    }

    It 'no full API key appears anywhere' {
        $used.Count | Should -BeGreaterThan 20
        Find-Leak 'an API key' @($used.ApiKey) | Should -BeNullOrEmpty
    }

    It 'no secret key appears anywhere' {
        Find-Leak 'a secret key' @($used.SecretKey) | Should -BeNullOrEmpty
    }

    It 'no signature the exchange received appears anywhere' {
        $signatures.Count | Should -BeGreaterThan 50
        Find-Leak 'a signature' $signatures | Should -BeNullOrEmpty
    }
}
