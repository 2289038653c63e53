# Guards the module as a whole: manifest, exports, cmdlet metadata, what ships.
BeforeDiscovery {
    $modulePath = $env:BINGX_MODULE_PATH
    Import-Module $modulePath -Force
    $script:cmdletNames = @((Get-Command -Module BingX -CommandType Cmdlet).Name)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers/BingX.ChildProcess.psm1') -Force
    $modulePath = $env:BINGX_MODULE_PATH
    $manifestPath = Join-Path $modulePath 'BingX.psd1'
    $manifest = Import-PowerShellDataFile $manifestPath
    $module = Import-Module $modulePath -Force -PassThru
    $assembly = [BingX.PowerShell.BingXOrder].Assembly
    $repoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
    # Verbs whose cmdlets change state on the exchange: they must support -WhatIf/-Confirm.
    $stateChangingVerbs = 'New', 'Set', 'Remove', 'Stop', 'Start', 'Clear', 'Add', 'Invoke', 'Reset', 'Update', 'Submit', 'Register', 'Unregister'
}

Describe 'Module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'is stamped with the version from Directory.Build.props' {
        [xml] $props = Get-Content -Raw (Join-Path $repoRoot 'Directory.Build.props')
        $expected = ($props.Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1)
        $manifest.ModuleVersion | Should -Be $expected
        $module.Version.ToString(3) | Should -Be $expected
    }

    It 'loads the binary module as its root module' {
        $manifest.RootModule | Should -Be 'BingX.PowerShell.dll'
        $module.ModuleType | Should -Be 'Binary'
    }

    It 'declares Core, the edition the tests prove, and a PowerShell version the tests run on' {
        $manifest.CompatiblePSEditions | Should -Be @('Core')
        [version] $manifest.PowerShellVersion | Should -BeLessOrEqual $PSVersionTable.PSVersion
    }

    It 'requires PowerShell 7.4, whose runtime (net8.0) the assembly targets' {
        [version] $manifest.PowerShellVersion | Should -Be ([version] '7.4')
        $target = [BingX.PowerShell.BingXOrder].Assembly.GetCustomAttributes([System.Runtime.Versioning.TargetFrameworkAttribute], $false)
        $target.FrameworkName | Should -Be '.NETCoreApp,Version=v8.0'
    }

    It 'has a GUID, a description, tags, project and licence links' {
        [guid] $manifest.GUID | Should -Not -Be ([guid]::Empty)
        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.Tags | Should -Contain 'BingX'
        $manifest.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $manifest.PrivateData.PSData.LicenseUri | Should -Match '^https://'
    }

    It 'processes the format file' {
        $manifest.FormatsToProcess | Should -Be @('BingX.Format.ps1xml')
        Join-Path $modulePath 'BingX.Format.ps1xml' | Should -Exist
    }

    It 'exports no functions, aliases or variables (empty arrays, not wildcards)' {
        foreach ($key in 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $manifest.ContainsKey($key) | Should -BeTrue -Because "$key must be explicit"
            , $manifest[$key] | Should -BeOfType [object[]] -Because "$key must be an array"
            $manifest[$key].Count | Should -Be 0 -Because "$key must be empty"
        }
    }

    It 'lists CmdletsToExport explicitly, exactly the [Cmdlet] classes of the assembly' {
        $listed = @($manifest.CmdletsToExport)
        $listed | Where-Object { $_ -match '[\*\?]' } | Should -BeNullOrEmpty
        $declared = foreach ($type in $assembly.GetExportedTypes()) {
            $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
            if ($attribute -and -not $type.IsAbstract) { '{0}-{1}' -f $attribute.VerbName, $attribute.NounName }
        }
        @($listed | Sort-Object) | Should -Be @($declared | Sort-Object)
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($declared | Sort-Object)
    }

    It 'ships only the module: no host assemblies, no build leftovers' {
        $shipped = Get-ChildItem $modulePath -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($modulePath, $_.FullName) -replace '\\', '/' }
        $allowed = '^(BingX\.psd1|BingX\.PowerShell\.dll|BingX\.Format\.ps1xml|LICENSE|en-US/[^/]+\.(xml|txt))$'
        $shipped | Where-Object { $_ -notmatch $allowed } | Should -BeNullOrEmpty
    }
}

Describe 'Cmdlet <_>' -ForEach $cmdletNames {
    BeforeAll {
        $command = Get-Command $_ -Module BingX
        $type = $command.ImplementingType
        $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
    }

    It 'declares [OutputType]' {
        $command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'has a format view for each type it outputs' {
        foreach ($outputType in $command.OutputType.Type | Where-Object { $_ -and $_ -ne [void] }) {
            Get-FormatData -TypeName $outputType.FullName | Should -Not -BeNullOrEmpty -Because "$($outputType.FullName) needs a view"
        }
    }

    It 'supports ShouldProcess when its verb changes state' {
        if ($attribute.VerbName -in $stateChangingVerbs) {
            $attribute.SupportsShouldProcess | Should -BeTrue
            $command.Parameters.Keys | Should -Contain 'WhatIf'
        }
        else {
            Set-ItResult -Skipped -Because "$($attribute.VerbName) does not change state"
        }
    }

    It 'uses an approved verb' {
        (Get-Verb).Verb | Should -Contain $attribute.VerbName
    }
}

Describe 'Stop-BingXOpenOrder safety metadata' {
    It 'has ConfirmImpact High' {
        $attribute = [BingX.PowerShell.Commands.StopBingXOpenOrderCommand].GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }
}

Describe 'A fresh pwsh' {
    It 'imports out/BingX and lists the cmdlets' {
        $run = Invoke-ChildPwsh -Command "Import-Module '$modulePath'; (Get-Command -Module BingX).Name -join ','"
        $run.ExitCode | Should -Be 0
        ($run.StdOut.Trim() -split ',') | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}
