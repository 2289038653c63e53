# The help a user sees: Get-Help -Full for every exported cmdlet, the about topic, and the generator's refusals.
BeforeDiscovery {
    Import-Module $env:BINGX_MODULE_PATH -Force
    $script:cmdletNames = @((Get-Command -Module BingX -CommandType Cmdlet).Name)
}

BeforeAll {
    Import-Module $env:BINGX_MODULE_PATH -Force
    $repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $helpSource = Join-Path $repoRoot 'help'
    $buildHelp = Join-Path $helpSource 'Build-Help.ps1'
    $commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

    function Get-ParagraphText($Node) {
        # Get-Help hands descriptions back as arrays of { Text } objects.
        return (@($Node | ForEach-Object { $_.Text }) -join "`n").Trim()
    }
}

Describe 'Get-Help <_> -Full' -ForEach $cmdletNames {
    BeforeAll {
        $name = $_
        $command = Get-Command $name -Module BingX
        $help = Get-Help $name -Full
        $documentedParameters = @($help.parameters.parameter | Where-Object { $_ })
        $ownParameters = @($command.Parameters.Values | Where-Object { -not $commonParameters.Contains($_.Name) })
    }

    It 'comes from the MAML file, not from the syntax-only fallback' {
        # Without a help file, Get-Help makes the synopsis from the syntax and has no description.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match ([regex]::Escape("$name ["))
        $help.Synopsis | Should -Not -Match 'CommonParameters'
        $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has a description of more than one sentence' {
        (Get-ParagraphText $help.description).Length | Should -BeGreaterThan 100
    }

    It 'describes every parameter the cmdlet has' {
        foreach ($parameter in $ownParameters) {
            $entry = $documentedParameters | Where-Object name -EQ $parameter.Name
            $entry | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) must be in the help"
            Get-ParagraphText $entry.description | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
        }
    }

    It 'documents no parameter the cmdlet does not have' {
        foreach ($entry in $documentedParameters) {
            $command.Parameters.Keys | Should -Contain $entry.name -Because 'the help must not describe a stale parameter'
        }
    }

    It 'shows each parameter''s type, position and pipeline input as the cmdlet declares them' {
        foreach ($parameter in $ownParameters) {
            $entry = $documentedParameters | Where-Object name -EQ $parameter.Name
            $sets = @($parameter.ParameterSets.Values)
            if ($parameter.SwitchParameter) { $entry.type.name | Should -Be 'System.Management.Automation.SwitchParameter' }
            else { $entry.type.name | Should -Be $parameter.ParameterType.FullName }

            $positions = @($sets.Position | Sort-Object -Unique)
            $expectedPosition = if ($positions.Count -eq 1 -and $positions[0] -ge 0) { [string] $positions[0] } else { 'named' }
            $entry.position | Should -Be $expectedPosition -Because "-$($parameter.Name)'s position"

            $fromPipeline = @($sets | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName }).Count -gt 0
            $entry.pipelineInput | Should -BeLike $(if ($fromPipeline) { 'True*' } else { 'False' }) -Because "-$($parameter.Name)'s pipeline input"

            $mandatory = @($sets | Where-Object IsMandatory).Count -gt 0
            $entry.required | Should -Be $mandatory.ToString().ToLowerInvariant() -Because "-$($parameter.Name) required"
        }
    }

    It 'has one syntax line per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be @($command.ParameterSets).Count
    }

    It 'has at least two examples with code, one interactive and one for a runbook' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty -Because "$($example.title) needs code"
            Get-ParagraphText $example.remarks | Should -Not -BeNullOrEmpty -Because "$($example.title) needs to say what it does"
        }
        @($examples | Where-Object title -Match 'interactive') | Should -Not -BeNullOrEmpty
        @($examples | Where-Object title -Match 'runbook') | Should -Not -BeNullOrEmpty
    }

    It 'lists every type the cmdlet outputs' {
        $listed = @($help.returnValues.returnValue | ForEach-Object { $_.type.name })
        $listed | Should -Not -BeNullOrEmpty
        foreach ($outputType in $command.OutputType.Type) {
            $expected = if ($outputType -eq [void]) { 'None' } else { $outputType.FullName }
            $listed | Should -Contain $expected
        }
    }

    It 'shows examples with Get-Help -Examples' {
        $text = Get-Help $name -Examples | Out-String -Width 200
        $text | Should -Match 'Example 1:'
        $text | Should -Match 'Example 2:'
    }
}

Describe 'Help files in out/BingX' {
    It 'ships the MAML file and the about topic in en-US' {
        Join-Path $env:BINGX_MODULE_PATH 'en-US/BingX.PowerShell.dll-Help.xml' | Should -Exist
        Join-Path $env:BINGX_MODULE_PATH 'en-US/about_BingX.help.txt' | Should -Exist
    }

    It 'is well-formed MAML with one command per exported cmdlet' {
        [xml] $maml = Get-Content -Raw (Join-Path $env:BINGX_MODULE_PATH 'en-US/BingX.PowerShell.dll-Help.xml')
        $maml.helpItems.schema | Should -Be 'maml'
        @($maml.helpItems.command.details.name | Sort-Object) | Should -Be @($cmdletNames | Sort-Object)
    }

    It 'about_BingX is found by Get-Help and names every stable ErrorId' {
        $about = Get-Help about_BingX | Out-String
        $about | Should -Match 'SHORT DESCRIPTION'
        $ids = [BingX.PowerShell.BingXErrorIds].GetFields() | Where-Object IsLiteral | ForEach-Object { $_.GetValue($null) }
        $ids | Should -Not -BeNullOrEmpty
        foreach ($id in $ids) { $about | Should -Match "\b$id\b" -Because "about_BingX lists the ErrorIds" }
    }
}

Describe 'Build-Help.ps1' {
    BeforeAll {
        function Copy-HelpSource {
            $copy = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
            $null = New-Item -ItemType Directory -Path $copy
            Copy-Item (Join-Path $helpSource '*') $copy -Recurse
            return $copy
        }
    }

    It 'fails when a cmdlet, a parameter or the examples lack help, naming each gap' {
        $source = Copy-HelpSource
        Remove-Item (Join-Path $source 'Disconnect-BingX.md')
        $stop = Join-Path $source 'Stop-BingXOpenOrder.md'
        (Get-Content -Raw $stop) -replace '(?ms)^### -Force\r?\n.*?(?=^### )', '' | Set-Content $stop
        $get = Join-Path $source 'Get-BingXOpenOrder.md'
        (Get-Content -Raw $get) -replace '(?ms)^### Example 2:.*?(?=^## PARAMETERS)', '' | Set-Content $get

        $err = { & $buildHelp -SourcePath $source -OutputPath (Join-Path $TestDrive 'fail/en-US') -ModulePath $env:BINGX_MODULE_PATH 3>$null 6>$null } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'Disconnect-BingX: no help file'
        $err.Exception.Message | Should -Match 'Stop-BingXOpenOrder\.md: parameter -Force has no description'
        $err.Exception.Message | Should -Match 'Get-BingXOpenOrder\.md: needs at least two examples'
        $err.Exception.Message | Should -Match "Get-BingXOpenOrder\.md: needs an example whose title says 'runbook'"
        Join-Path $TestDrive 'fail/en-US/BingX.PowerShell.dll-Help.xml' | Should -Not -Exist
    }

    It 'takes a base parameter from BaseParameters.md, and fails when that is missing too' {
        $source = Copy-HelpSource
        $base = Join-Path $source 'BaseParameters.md'
        (Get-Content -Raw $base) -replace '(?ms)^### -TimeoutSec\r?\n.*?(?=^### )', '' | Set-Content $base
        $err = { & $buildHelp -SourcePath $source -OutputPath (Join-Path $TestDrive 'base/en-US') -ModulePath $env:BINGX_MODULE_PATH 3>$null 6>$null } |
            Should -Throw -PassThru
        $err.Exception.Message | Should -Match 'Get-BingXOpenOrder\.md: parameter -TimeoutSec has no description'
        # Connect-BingX describes -TimeoutSec itself, so it is not named.
        $err.Exception.Message | Should -Not -Match 'Connect-BingX\.md: parameter -TimeoutSec'
    }

    It 'only warns about help for parameters and cmdlets that do not exist' {
        $source = Copy-HelpSource
        $get = Join-Path $source 'Get-BingXOpenOrder.md'
        (Get-Content -Raw $get) -replace '(?m)^## INPUTS', "### -NotYetThere`nA parameter another branch will add.`n`n## INPUTS" | Set-Content $get
        Set-Content (Join-Path $source 'Get-BingXFuture.md') "# Get-BingXFuture`n`n## SYNOPSIS`nNot yet.`n"
        $output = Join-Path $TestDrive 'warn/en-US'

        $warnings = @(& $buildHelp -SourcePath $source -OutputPath $output -ModulePath $env:BINGX_MODULE_PATH 3>&1 |
                Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)

        $warnings | Should -HaveCount 1
        $warnings[0] | Should -BeLike 'Help for code the module does not have (yet), left out: *'
        $warnings[0] | Should -Match ([regex]::Escape('help/Get-BingXOpenOrder.md: -NotYetThere (Get-BingXOpenOrder has no such parameter)'))
        $warnings[0] | Should -Match ([regex]::Escape('help/Get-BingXFuture.md (no cmdlet Get-BingXFuture)'))
        $maml = Get-Content -Raw (Join-Path $output 'BingX.PowerShell.dll-Help.xml')
        $maml | Should -Not -Match 'NotYetThere'
        $maml | Should -Not -Match 'Get-BingXFuture'
        $maml | Should -Match '<command:name>Get-BingXOpenOrder</command:name>'
    }
}
