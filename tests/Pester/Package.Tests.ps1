# The package a user installs: tools/New-Package.ps1 makes a .nupkg of out/BingX with Publish-PSResource, and a new
# user (fresh pwsh, temporary HOME) installs it by name with Install-PSResource, imports it by name and uses it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.ChildProcess.psm1') -Force
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $newPackage = Join-Path $repoRoot 'tools/New-Package.ps1'
    $version = (Import-PowerShellDataFile (Join-Path $env:BINGX_MODULE_PATH 'BingX.psd1')).ModuleVersion
    $packageDir = Join-Path $TestDrive 'package'

    # Packaging itself runs as a throwaway user too: its temporary repository registration must not reach the
    # real PSResourceGet configuration even if the script's cleanup failed.
    $packagerHome = Join-Path $TestDrive 'packager-home'
    $packaging = Invoke-ChildPwsh -File $newPackage -ArgumentList @('-ModulePath', $env:BINGX_MODULE_PATH, '-OutputPath', $packageDir) -IsolatedHome $packagerHome
}

Describe 'tools/New-Package.ps1' {
    It 'succeeds and writes BingX.<version>.nupkg' {
        $packaging.ExitCode | Should -Be 0 -Because $packaging.StdErr
        $packaging.StdOut | Should -Match ([regex]::Escape("BingX.$version.nupkg"))
        @(Get-ChildItem $packageDir -Filter '*.nupkg').Name | Should -Be @("BingX.$version.nupkg")
    }

    It 'packs exactly the module folder: manifest, assembly, formats, licence, help' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead((Join-Path $packageDir "BingX.$version.nupkg"))
        try {
            $entries = @($zip.Entries.FullName | ForEach-Object { [uri]::UnescapeDataString($_) })
        }
        finally {
            $zip.Dispose()
        }
        $payload = $entries | Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|BingX\.nuspec$)' }
        $expected = Get-ChildItem $env:BINGX_MODULE_PATH -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($env:BINGX_MODULE_PATH, $_.FullName) -replace '\\', '/' }
        @($payload | Sort-Object) | Should -Be @($expected | Sort-Object)
        $payload | Should -Contain 'en-US/BingX.PowerShell.dll-Help.xml'
    }

    It 'leaves its temporary repository unregistered' {
        $config = Get-ChildItem $packagerHome -Recurse -Force -Filter 'PSResourceRepository.xml' | Select-Object -First 1
        $config | Should -Not -BeNullOrEmpty -Because 'PSResourceGet keeps its repositories in the (temporary) home'
        Get-Content -Raw $config.FullName | Should -Not -Match 'BingXPackage-'
    }
}

Describe 'Install-PSResource from the local repository, as a new user' {
    BeforeAll {
        $sim = Start-TestSimulator
        $account = New-SimAccount -Simulator $sim
        $seeded = @(Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '30000' -Quantity '0.001' -Count 2)

        $userHome = Join-Path $TestDrive 'user-home'
        # The key and secret reach the child through its environment, never its command line.
        $script = @'
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name LocalBingX -Uri $env:BINGX_TEST_PACKAGES -Trusted
Install-PSResource -Name BingX -Repository LocalBingX -TrustRepository -Scope CurrentUser -Quiet
$module = Import-Module BingX -PassThru
"ModuleBase=$($module.ModuleBase)"
"Version=$($module.Version)"
$credential = [pscredential]::new($env:BINGX_TEST_KEY, (ConvertTo-SecureString $env:BINGX_TEST_SECRET -AsPlainText -Force))
Connect-BingX -BaseUri $env:BINGX_TEST_BASE_URI -Credential $credential
"Orders=" + ((Get-BingXOpenOrder | ForEach-Object { '{0}:{1}:{2}' -f $_.Symbol, $_.OrderId, $_.Status }) -join ',')
"Synopsis=" + (Get-Help Stop-BingXOpenOrder).Synopsis
'@
        $install = Invoke-ChildPwsh -Command $script -IsolatedHome $userHome -TimeoutSec 180 -Environment @{
            BINGX_TEST_PACKAGES = $packageDir
            BINGX_TEST_BASE_URI = $sim.BaseUri
            BINGX_TEST_KEY      = $account.ApiKey
            BINGX_TEST_SECRET   = $account.SecretKey
        }
        $lines = @{}
        foreach ($line in $install.StdOut -split "`r?`n") {
            if ($line -match '^(\w+)=(.*)$') { $lines[$Matches[1]] = $Matches[2] }
        }
    }

    AfterAll {
        Stop-TestSimulator -Simulator $sim
    }

    It 'installs and imports by name, without errors' {
        $install.ExitCode | Should -Be 0 -Because "$($install.StdOut)`n$($install.StdErr)"
        $install.StdErr | Should -BeNullOrEmpty
    }

    It 'installs into the new user''s CurrentUser module folder' {
        $lines.Version | Should -Be $version
        $lines.ModuleBase | Should -BeLike "*$([IO.Path]::DirectorySeparatorChar)BingX$([IO.Path]::DirectorySeparatorChar)$version"
        if (-not $IsWindows) {
            # ~/.local/share/powershell/Modules on Linux and macOS ($XDG_DATA_HOME/powershell/Modules).
            $lines.ModuleBase | Should -Be (Join-Path $userHome ".local/share/powershell/Modules/BingX/$version")
        }
        Join-Path $lines.ModuleBase 'en-US/BingX.PowerShell.dll-Help.xml' | Should -Exist
    }

    It 'runs a cmdlet against the simulator: the seeded open orders come back' {
        $expected = $seeded | ForEach-Object { 'BTC-USDT:{0}:PENDING' -f $_.orderId }
        @($lines.Orders -split ',' | Sort-Object) | Should -Be @($expected | Sort-Object)
    }

    It 'brings its help along' {
        $lines.Synopsis | Should -Be 'Cancels all open spot orders on one or more symbols, or on every symbol with -All.'
    }

    It 'never shows the secret' {
        "$($install.StdOut)$($install.StdErr)" | Should -Not -Match ([regex]::Escape($account.SecretKey))
    }
}
