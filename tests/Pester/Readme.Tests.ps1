# Keeps README.md true: its marked snippets run as written, its commands are CI's, its ErrorIds and links exist.
BeforeAll {
    Import-Module $env:BINGX_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.ChildProcess.psm1') -Force
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $readme = Get-Content -Raw (Join-Path $repoRoot 'README.md')

    # <!-- readme-test: NAME --> right above a ```powershell block marks the block as run here.
    $snippets = @{}
    foreach ($match in [regex]::Matches($readme, '<!-- readme-test: (?<name>\S+) -->\r?\n```powershell\r?\n(?<code>.*?)\r?\n```', 'Singleline')) {
        $snippets[$match.Groups['name'].Value] = $match.Groups['code'].Value
    }
}

Describe 'README snippets' {
    It 'marks the snippets this file runs' {
        @($snippets.Keys | Sort-Object) | Should -Be @('MyTrading.psm1', 'MyTrading.Simulator.Tests.ps1', 'MyTrading.Tests.ps1', 'runbook-catch')
    }

    It 'the Pester user''s module, mock tests and simulator tests pass as written' {
        # As a new user who has only BingX on the module path, from a clone's root (the snippet imports the
        # simulator helpers by a path relative to it).
        $folder = Join-Path $TestDrive 'pester-user'
        $null = New-Item -ItemType Directory -Path $folder
        foreach ($name in 'MyTrading.psm1', 'MyTrading.Tests.ps1', 'MyTrading.Simulator.Tests.ps1') {
            Set-Content -Path (Join-Path $folder $name) -Value $snippets[$name]
        }
        $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester'
`$result = Invoke-Pester -Path '$folder' -PassThru -Output None
"Passed=`$(`$result.PassedCount)"
"Failed=`$(`$result.FailedCount + `$result.FailedContainersCount)"
foreach (`$test in `$result.Failed) { "FailedTest=`$(`$test.ExpandedPath): `$(`$test.ErrorRecord -join ' ')" }
"@
        $run = Invoke-ChildPwsh -Command $script -IsolatedHome (Join-Path $TestDrive 'pester-user-home') -WorkingDirectory $repoRoot -TimeoutSec 180 -Environment @{
            PSModulePath         = Split-Path $env:BINGX_MODULE_PATH -Parent
            BINGX_SIMULATOR_PATH = $env:BINGX_SIMULATOR_PATH
        }

        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $run.StdOut | Should -Match 'Failed=0\b' -Because $run.StdOut
        $run.StdOut | Should -Match 'Passed=4\b' -Because $run.StdOut
    }

    Context 'the runbook''s rate-limit catch, against the simulator' {
        BeforeAll {
            $sim = Start-TestSimulator
            $env:BINGX_BASE_URI = $sim.BaseUri
            $runbook = [scriptblock]::Create($snippets['runbook-catch'])
        }

        AfterAll {
            Remove-Item Env:BINGX_BASE_URI -ErrorAction Ignore
            Disconnect-BingX
            Stop-TestSimulator -Simulator $sim
        }

        BeforeEach {
            $account = New-SimAccount -Simulator $sim
            $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2
            # Azure Automation's command, standing in for the credential asset.
            function Get-AutomationPSCredential([string] $Name) { $account.Credential }
        }

        It 'cancels when the exchange lets it' {
            $output = & $runbook 3>&1 | ForEach-Object { "$_" }
            $output | Should -Contain 'Cancelled 2 BTC-USDT order(s).'
            Get-BingXOpenOrder -Credential $account.Credential | Should -BeNullOrEmpty
        }

        It 'warns with the retry time when the key is rate-limited, and cancels nothing' {
            $null = Add-SimFault -Simulator $sim -Kind business -Code 100410 -Variant disabled -Path /openApi/spot/v1/trade/cancelOpenOrders
            $warnings = & $runbook 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -Match '^BingX is rate-limiting this key until \S.*; nothing was cancelled\.$'
            Get-BingXOpenOrder -Credential $account.Credential | Should -HaveCount 2
        }

        It 'rethrows anything else' {
            $null = Add-SimFault -Simulator $sim -Kind business -Code 100413 -Msg 'Incorrect apiKey' -Path /openApi/spot/v1/trade/cancelOpenOrders
            $err = { & $runbook 3>$null } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike 'BingXAuthenticationFailed,*'
        }
    }
}

Describe 'README facts' {
    It 'gives exactly the commands CI runs' {
        $ciLines = @(Get-Content (Join-Path $repoRoot '.ci/run') | Where-Object { $_ -match '^dotnet ' })
        $ciLines | Should -Be @('dotnet tool restore', 'dotnet pwsh -NoProfile -File ./build.ps1 -Task Test')
        $readme | Should -Match ([regex]::Escape("`n$($ciLines -join ' && ')`n"))
        $readme | Should -Match ([regex]::Escape("`ndotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task Demo`n"))
    }

    It 'lists every stable ErrorId, and no other' {
        $ids = @([BingX.PowerShell.BingXErrorIds].GetFields() | Where-Object IsLiteral | ForEach-Object { $_.GetValue($null) })
        $rows = @([regex]::Matches($readme, '(?m)^\| `(?<id>BingX\w+)` \|') | ForEach-Object { $_.Groups['id'].Value })
        @($rows | Sort-Object) | Should -Be @($ids | Sort-Object)
    }

    It 'links only to files that exist' {
        $links = [regex]::Matches($readme, '\]\((?<target>[^)#]+)\)') | ForEach-Object { $_.Groups['target'].Value } | Where-Object { $_ -notmatch '^https?://' }
        $links | Should -Not -BeNullOrEmpty
        foreach ($link in $links) { Join-Path $repoRoot $link | Should -Exist }
    }

    It 'names only cmdlets the module or the help has' {
        $named = @([regex]::Matches($readme, '\b(?:Connect|Disconnect|Get|Stop|New)-BingX\w*') | ForEach-Object Value | Sort-Object -Unique)
        $known = @((Get-Command -Module BingX).Name) + @(Get-ChildItem (Join-Path $repoRoot 'help') -Filter '*-BingX*.md' | ForEach-Object BaseName)
        foreach ($name in $named) { $known | Should -Contain $name }
    }
}
