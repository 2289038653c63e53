# Tab completion of -Symbol on every cmdlet, from the exchange's symbol list cached for the session; never an
# error and never a long wait at the prompt when the exchange is slow or unreachable.
BeforeDiscovery {
    Import-Module $env:BINGX_MODULE_PATH -Force
    $symbolCmdlets = @(Get-Command -Module BingX -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('Symbol') } | ForEach-Object Name)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
    # Internal (not API): reached through the assembly.
    $script:completerType = [BingX.PowerShell.BingXOrder].Assembly.GetType('BingX.PowerShell.Completion.SymbolCompleter', $true)

    function Complete([string] $line) {
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        return @($result.CompletionMatches | ForEach-Object CompletionText)
    }

    function Clear-SymbolCache {
        # The cache is per base URI for the process; tests that want a fresh fetch clear it.
        $script:completerType.GetMethod('Clear', [Reflection.BindingFlags] 'Static,NonPublic').Invoke($null, @())
    }

    function Assert-NoSymbolAtOnce([string] $Line) {
        # What the prompt shows when the exchange cannot answer: no symbol, within 3 s, and nothing added to $Error.
        $Error.Clear()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $found = Complete $Line
        $watch.Stop()
        $found | Where-Object { $_ -like '*-USDT' } | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
        $Error | Should -BeNullOrEmpty
    }

    function New-SilentListener {
        # Accepts connections (the OS does, from its backlog) but never answers: a hung exchange.
        $listener = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0)
        $listener.Start()
        return $listener
    }

    $account = New-SimAccount -Simulator $sim
    Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
}

AfterAll {
    Stop-ModuleTest
}

Describe 'Completion of -Symbol' {
    BeforeEach {
        Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
    }

    It '<_> -Symbol completes from the exchange''s symbols' -ForEach $symbolCmdlets {
        $command = $_
        $parameter = (Get-Command $command).Parameters['Symbol']
        $completer = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
        $completer.Type | Should -Be $script:completerType

        $found = Complete "$command -Symbol BT"
        $found | Should -Contain 'BTC-USDT'
        $found | Should -Not -Contain 'ETH-USDT'
    }

    It 'completes a lower-case prefix with the exchange''s spelling' {
        Complete 'Get-BingXSymbol -Symbol eth' | Should -Be @('ETH-USDT')
    }

    It 'offers only symbols that are online' {
        $all = Complete 'Stop-BingXOrder -Symbol '
        $all | Should -Contain 'BTC-USDT'
        $all | Should -Contain 'PEPE-USDT'
        $all | Should -Not -Contain 'LUNA-USDT'
    }

    It 'fetches the list once and answers later completions from the cache' {
        Clear-SymbolCache
        Clear-SimRequestLog $sim
        $null = Complete 'Get-BingXOrder -Symbol B'
        $null = Complete 'New-BingXOrder -Symbol E'
        $null = Complete 'Stop-BingXOpenOrder -Symbol S'
        Start-Sleep -Milliseconds 50
        @(Get-SimRequestLog -Simulator $sim -Path $api.Symbols) | Should -HaveCount 1
    }
}

Describe 'Completion when the exchange does not answer' {
    BeforeEach {
        Disconnect-BingX
        Clear-SymbolCache
    }
    AfterEach {
        Remove-Item Env:BINGX_BASE_URI -ErrorAction SilentlyContinue
        Clear-SimFault $sim
    }

    It 'returns no symbols at once, without an error, when nothing listens at the address' {
        $listener = New-SilentListener
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $env:BINGX_BASE_URI = "http://127.0.0.1:$port"
        Assert-NoSymbolAtOnce 'Stop-BingXOrder -Symbol BT'
    }

    It 'returns no symbols within 3 s, without an error, when the exchange hangs' {
        $listener = New-SilentListener
        try {
            $env:BINGX_BASE_URI = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
            Assert-NoSymbolAtOnce 'Get-BingXSymbol -Symbol BT'
        }
        finally {
            $listener.Stop()
        }
    }

    It 'a slow exchange: nothing at the first Tab, the symbols at a later one (the fetch went on)' {
        $null = Add-SimFault -Simulator $sim -Kind delay -DelayMs 2500 -Path $api.Symbols
        $env:BINGX_BASE_URI = [string] $sim.BaseUri

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $first = Complete 'Get-BingXSymbol -Symbol BT'
        $watch.Stop()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
        $first | Where-Object { $_ -like '*-USDT' } | Should -BeNullOrEmpty

        Start-Sleep -Seconds 2
        Complete 'Get-BingXSymbol -Symbol BT' | Should -Contain 'BTC-USDT'
    }
}
