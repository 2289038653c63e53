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
        @($snippets.Keys | Sort-Object) | Should -Be @(@('MyTrading.psm1', 'MyTrading.Simulator.Tests.ps1', 'MyTrading.Tests.ps1', 'run-your-tests', 'runbook-catch', 'runbook-outvariable') | Sort-Object)
    }

    It 'the Pester user''s module, mock tests and simulator tests pass as written, run as the README says' {
        # As a new user in a fresh pwsh (own home, nothing on PSModulePath), at a clone's root after the README's
        # two commands (the simulator snippet imports the helpers by a path relative to it), running the README's
        # own run-your-tests snippet on the files in ~/my-trading.
        $userHome = Join-Path $TestDrive 'pester-user-home'
        $folder = Join-Path $userHome 'my-trading'
        $null = New-Item -ItemType Directory -Path $folder
        foreach ($name in 'MyTrading.psm1', 'MyTrading.Tests.ps1', 'MyTrading.Simulator.Tests.ps1') {
            Set-Content -Path (Join-Path $folder $name) -Value $snippets[$name]
        }
        # The NuGet cache the build restored Pester into (…/packages/pester/<version>/tools).
        $packages = Split-Path (Split-Path (Split-Path (Get-Module Pester).ModuleBase -Parent) -Parent) -Parent
        $run = Invoke-ChildPwsh -Command $snippets['run-your-tests'] -IsolatedHome $userHome -WorkingDirectory $repoRoot -TimeoutSec 180 -Environment @{
            NUGET_PACKAGES = $packages
        }

        $output = $run.StdOut -replace '\x1b\[[0-9;]*m', ''
        $run.ExitCode | Should -Be 0 -Because $run.StdErr
        $output | Should -Match 'Tests Passed: 6, Failed: 0\b' -Because $output
    }

    It 'names the Pester version the build pins' {
        [xml] $tools = Get-Content -Raw (Join-Path $repoRoot 'tests/tools/TestTools.csproj')
        $version = [string] ($tools.Project.PropertyGroup.PesterVersion | Where-Object { $_ } | Select-Object -First 1)
        $snippets['run-your-tests'] | Should -Match ([regex]::Escape("pester/$version/tools/Pester.psd1"))
    }

    It 'matches ErrorIds with the wildcard form everywhere, and the snippets use it' {
        $forms = @([regex]::Matches($readme, "-ErrorId\s+(?<id>'[^']*'|\S+)") | ForEach-Object { $_.Groups['id'].Value })
        $forms.Count | Should -BeGreaterOrEqual 3
        foreach ($form in $forms) { $form | Should -Match "^'BingX\w+,\*'$" }
        $snippets['MyTrading.Tests.ps1'] | Should -Match "Should -Throw -ErrorId 'BingX\w+,\*'"
        $snippets['MyTrading.Simulator.Tests.ps1'] | Should -Match "Should -Throw -ErrorId 'BingX\w+,\*'"
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

        It 'the -OutVariable snippet keeps what was cancelled before an unknown symbol stopped it' {
            $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side SELL -Price '2500' -Quantity '0.1'
            Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential
            $warnings = & ([scriptblock]::Create($snippets['runbook-outvariable'])) 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -Be 'Stopped at NOPE-USDT (BingXSymbolNotFound) after cancelling 2 order(s).'
            # -ErrorAction Stop ended the run: ETH-USDT was not reached.
            Get-BingXOpenOrder -Credential $account.Credential | ForEach-Object Symbol | Should -Be 'ETH-USDT'
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
