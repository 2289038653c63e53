# The simulator as a process: start-up time, command line, clean shutdown, the parent watchdog, and thread safety
# under the module's eight parallel runspaces.
BeforeAll {
    $helpers = Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psd1'
    Import-Module $helpers -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.ChildProcess.psm1') -Force

    $simulatorDirectory = if ($env:BINGX_SIMULATOR_PATH) { $env:BINGX_SIMULATOR_PATH } else { Join-Path $PSScriptRoot '../../out/BingX.Simulator' }
    $dll = Join-Path $simulatorDirectory 'BingX.Simulator.dll'
    $dotnet = Get-DotnetHost

    function Test-ProcessAlive([int] $Id) {
        $process = Get-Process -Id $Id -ErrorAction SilentlyContinue
        return $null -ne $process -and -not $process.HasExited
    }

    function Wait-ProcessExit([System.Diagnostics.Process] $Process, [int] $TimeoutMs) {
        return $Process.WaitForExit($TimeoutMs)
    }

    # Runs the simulator with the given arguments to its end; returns the exit code and output.
    function Invoke-SimulatorCommand([string[]] $Arguments) {
        $run = Wait-ChildProcess (Start-ChildProcess (New-ChildStartInfo -Command $dotnet, $dll -ArgumentList $Arguments)) -TimeoutSec 15
        if ($run.TimedOut) { throw 'the simulator did not exit' }
        [pscustomobject] @{ ExitCode = $run.ExitCode; StandardOutput = $run.StdOut; StandardError = $run.StdErr }
    }

    # A process that ends by itself shortly: the parent for watchdog tests.
    function Start-ShortLivedProcess([int] $Milliseconds) {
        $sleep = Get-Command sleep -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        $startInfo = if ($sleep) { New-ChildStartInfo -Command $sleep.Source -ArgumentList ($Milliseconds / 1000.0) -Live }
        else { New-ChildStartInfo -ArgumentList '-Command', "Start-Sleep -Milliseconds $Milliseconds" -Live }
        return (Start-ChildProcess $startInfo).Process
    }
}

Describe 'start and stop' {
    It 'prints the listening line quickly and answers at once' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $sim = Start-TestSimulator
        $elapsed = $clock.ElapsedMilliseconds
        try {
            Write-Host "    simulator start to listening line: $elapsed ms"
            $elapsed | Should -BeLessThan 5000
            $sim.BaseUri.Host | Should -Be '127.0.0.1'
            $sim.Port | Should -BeGreaterThan 0
            (Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/health').ok | Should -BeTrue
        }
        finally { Stop-TestSimulator $sim }
    }

    It 'leaves no process behind after Stop-TestSimulator, which may be called twice' {
        $sim = Start-TestSimulator
        $id = $sim.Process.Id
        Test-ProcessAlive $id | Should -BeTrue
        Stop-TestSimulator $sim
        Test-ProcessAlive $id | Should -BeFalse
        { Stop-TestSimulator $sim } | Should -Not -Throw
        { Stop-TestSimulator $null } | Should -Not -Throw
    }

    It 'writes nothing but the listening line on stdout' {
        $sim = Start-TestSimulator
        $null = Invoke-SimControl -Simulator $sim -Method GET -Path '/_sim/health'
        $null = Invoke-SignedSimRequest -Simulator $sim -Method GET -Path '/openApi/spot/v1/server/time' -NoSignature -NoTimestamp
        Stop-TestSimulator $sim
        $sim.StandardOutputRest.Wait(5000) | Should -BeTrue
        $sim.StandardOutputRest.Result | Should -BeNullOrEmpty
        $sim.StandardError.Result | Should -BeNullOrEmpty
    }
}

Describe 'start-up failures' {
    It 'says the simulator is not built when the directory has no BingX.Simulator.dll' {
        $saved = $env:BINGX_SIMULATOR_PATH
        $env:BINGX_SIMULATOR_PATH = Join-Path $TestDrive 'empty'
        try { { Start-TestSimulator } | Should -Throw '*not built*' }
        finally { $env:BINGX_SIMULATOR_PATH = $saved }
    }

    It 'reports the stderr of a simulator that dies before listening' {
        $broken = Join-Path $TestDrive 'broken'
        $null = New-Item -ItemType Directory -Path $broken
        Set-Content -Path (Join-Path $broken 'BingX.Simulator.dll') -Value 'not an assembly'
        $saved = $env:BINGX_SIMULATOR_PATH
        $env:BINGX_SIMULATOR_PATH = $broken
        try {
            $failure = { Start-TestSimulator -TimeoutSeconds 20 } | Should -Throw -PassThru
            $failure.Exception.Message | Should -Match 'did not report that it listens'
            $failure.Exception.Message | Should -Match 'stderr: \S'
        }
        finally { $env:BINGX_SIMULATOR_PATH = $saved }
    }
}

Describe 'parent watchdog' {
    It 'exits by itself when the --parent-pid process ends' {
        $parent = Start-ShortLivedProcess 1500
        $sim = Start-TestSimulator -ParentProcessId $parent.Id
        try {
            Test-ProcessAlive $sim.Process.Id | Should -BeTrue
            $parent.WaitForExit(10000) | Should -BeTrue
            Wait-ProcessExit $sim.Process 5000 | Should -BeTrue -Because 'the watchdog polls every 500 ms'
        }
        finally { Stop-TestSimulator $sim }
    }

    It 'ignores Ctrl+C (SIGINT), which the parent''s terminal sends to it too, and still stops on SIGTERM' -Skip:$IsWindows {
        # A user who pressed Ctrl+C to stop a slow cmdlet in the pwsh that started the simulator lost the simulator too.
        $sim = Start-TestSimulator
        try {
            & kill -s INT $sim.Process.Id
            Start-Sleep -Milliseconds 500
            Test-ProcessAlive $sim.Process.Id | Should -BeTrue -Because 'the parent pwsh is still there'
            (Invoke-SimControl -Simulator $sim -Method GET -Path /_sim/health).ok | Should -BeTrue
            & kill -s TERM $sim.Process.Id
            Wait-ProcessExit $sim.Process 5000 | Should -BeTrue
            $sim.Process.ExitCode | Should -Be 0
        }
        finally { Stop-TestSimulator $sim }
    }

    It 'exits at once when the parent is gone before it starts' {
        $parent = Start-ShortLivedProcess 10
        $parent.WaitForExit(10000) | Should -BeTrue
        $result = Invoke-SimulatorCommand @('--port', '0', '--parent-pid', [string] $parent.Id)
        $result.ExitCode | Should -Be 0
    }
}

Describe 'command line' {
    It 'refuses <Arguments> with exit code 2 and the usage on stderr' -ForEach @(
        @{ Arguments = @('--bogus') }, @{ Arguments = @('--port') }, @{ Arguments = @('--port', 'x') }, @{ Arguments = @('--parent-pid', '-1') }
    ) {
        $result = Invoke-SimulatorCommand $Arguments
        $result.ExitCode | Should -Be 2
        $result.StandardError | Should -Match 'usage: BingX.Simulator'
        $result.StandardOutput | Should -BeNullOrEmpty
    }

    It 'listens on a given --port, and says so on stderr with exit code 1 when the port is taken' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            $taken = Invoke-SimulatorCommand @('--port', [string] $port)
            $taken.ExitCode | Should -Be 1
            $taken.StandardError | Should -Match "127.0.0.1:$port"
        }
        finally { $listener.Stop() }

        $process = (Start-ChildProcess (New-ChildStartInfo -Command $dotnet, $dll -ArgumentList '--port', $port, '--parent-pid', $PID) -Conversation).Process
        try {
            $process.StandardOutput.ReadLine() | Should -BeExactly "BingX simulator listening on http://127.0.0.1:$port"
        }
        finally { $process.Kill($true); $null = $process.WaitForExit(5000) }
    }
}

Describe 'eight parallel runspaces' {
    BeforeAll {
        $sim = Start-TestSimulator -NoRateLimits
        $account = New-SimAccount -Simulator $sim -Balances @{ USDT = '100000' }
    }

    AfterAll {
        Stop-TestSimulator $sim
    }

    It 'places 400 orders from 8 runspaces with unique ids and exact balances' {
        $codes = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:helpers
            $worker = $_
            for ($i = 0; $i -lt 50; $i++) {
                $parameters = [ordered] @{ newClientOrderId = "w$($worker)_$i"; price = '100'; quantity = '1'; side = 'BUY'; symbol = 'SOL-USDT'; type = 'LIMIT' }
                (Invoke-SignedSimRequest -Simulator $using:sim -ApiKey $using:account.ApiKey -SecretKey $using:account.SecretKey -Method POST `
                    -Path '/openApi/spot/v1/trade/order' -Parameters $parameters).Json.code
            }
        }
        @($codes | Where-Object { $_ -ne 0 }) | Should -HaveCount 0
        $view = Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey
        $view.orders | Should -HaveCount 400
        ($view.orders.orderId | Select-Object -Unique) | Should -HaveCount 400
        $usdt = $view.balances | Where-Object asset -EQ 'USDT'
        [decimal] $usdt.locked | Should -Be 40000
        [decimal] $usdt.free | Should -Be 60000
        Get-SimRequestLog -Simulator $sim | Should -HaveCount 400
    }

    It 'cancels from 8 runspaces at once without losing or double-counting funds' {
        $results = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:helpers
            $answer = Invoke-SignedSimRequest -Simulator $using:sim -ApiKey $using:account.ApiKey -SecretKey $using:account.SecretKey -Method POST `
                -Path '/openApi/spot/v1/trade/cancelOpenOrders' -Parameters ([ordered] @{ symbol = 'SOL-USDT' })
            [regex]::Matches($answer.Body, '"orderId":\d+').Count
        }
        ($results | Measure-Object -Sum).Sum | Should -Be 400
        $usdt = (Get-SimAccount -Simulator $sim -ApiKey $account.ApiKey).balances | Where-Object asset -EQ 'USDT'
        [decimal] $usdt.free | Should -Be 100000
        [decimal] $usdt.locked | Should -Be 0
    }
}
