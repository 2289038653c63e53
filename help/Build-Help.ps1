<#
.SYNOPSIS
    Builds the MAML help file (BingX.PowerShell.dll-Help.xml) from the markdown under help/ and the built module's
    own parameter metadata, and copies the about_ topics.

.DESCRIPTION
    The words come from help/<Cmdlet>.md (format: help/README.md); everything the code already knows (parameter
    sets, types, positions, mandatory, pipeline input, aliases, allowed values) comes from the built assembly, read
    in a child pwsh by Get-HelpMetadata.ps1, so the help cannot drift from the code.

    Fails, naming every gap at once, when an exported cmdlet has no help file, or its file lacks a synopsis, a
    description, two examples or its outputs, or a parameter the cmdlet has is not described (in the cmdlet's
    file or in BaseParameters.md). Warns, and goes on, about help for cmdlets or parameters that do not exist
    (yet): other branches may add them later.

    Pure PowerShell, no network; about a second, most of it the child pwsh starting.

.EXAMPLE
    ./help/Build-Help.ps1 -SourcePath ./help -OutputPath ./out/BingX/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath,
    # The built module folder; by default the parent of -OutputPath (out/BingX/en-US -> out/BingX).
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$SourcePath = [IO.Path]::GetFullPath($SourcePath)
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
if (-not $ModulePath) { $ModulePath = Split-Path $OutputPath -Parent }
$ModulePath = [IO.Path]::GetFullPath($ModulePath)

$HelpFileName = 'BingX.PowerShell.dll-Help.xml'
$BaseParametersFile = 'BaseParameters.md'
# platyPS's wording for the two risk-mitigation parameters; a cmdlet's file may say something more specific.
$StandardParameterText = @{
    WhatIf  = @('Shows what would happen if the cmdlet runs. The cmdlet is not run: nothing is sent to the exchange that would change anything.')
    Confirm = @('Prompts you for confirmation before running the cmdlet.')
}

#region Markdown

function ConvertTo-HelpParagraph {
    <#
        Markdown lines -> paragraphs. Blank lines separate paragraphs; wrapped lines join with a space; list items
        and table rows keep their own lines; fenced blocks are kept verbatim as one paragraph.
    #>
    param([AllowEmptyCollection()] [string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') {
            if ($current.Count) { $paragraphs.Add($current -join "`n"); $current.Clear() }
            $inFence = -not $inFence
            continue
        }
        if ($inFence) { $current.Add($line.TrimEnd()); continue }
        if ([string]::IsNullOrWhiteSpace($line)) {
            if ($current.Count) { $paragraphs.Add($current -join "`n"); $current.Clear() }
            continue
        }
        $text = $line.Trim()
        if ($current.Count -eq 0 -or $text -match '^([-*+]\s|\d+\.\s|\|)') { $current.Add($text) }
        else { $current[$current.Count - 1] += ' ' + $text }
    }
    if ($current.Count) { $paragraphs.Add($current -join "`n") }
    return , $paragraphs.ToArray()
}

function Split-FencedCode {
    # An example's lines -> its first fenced block (the code) and everything else (the remarks).
    param([AllowEmptyCollection()] [string[]] $Lines)
    $code = [System.Collections.Generic.List[string]]::new()
    $rest = [System.Collections.Generic.List[string]]::new()
    $state = 'before'   # before -> in -> after the first fence
    foreach ($line in $Lines) {
        if ($state -eq 'before' -and $line -match '^\s*```') { $state = 'in'; continue }
        if ($state -eq 'in') {
            if ($line -match '^\s*```') { $state = 'after' } else { $code.Add($line.TrimEnd()) }
            continue
        }
        $rest.Add($line)
    }
    return [pscustomobject] @{ Code = ($code -join "`n").Trim("`n"); Remarks = $rest.ToArray() }
}

function Read-HelpMarkdown {
    <#
        Reads one help file into its sections. Headings inside fenced blocks are code, not headings.
        Returns Name, Synopsis, Description, Examples (Title, Code, Remarks), Parameters (name -> Text, DefaultValue),
        Inputs and Outputs (Type, Text), Notes, Links (Text, Uri).
    #>
    param([Parameter(Mandatory)] [string] $Path)
    $help = [ordered] @{
        Path        = $Path
        Name        = $null
        Synopsis    = @()
        Description = @()
        Examples    = [System.Collections.Generic.List[object]]::new()
        Parameters  = [ordered] @{}
        Inputs      = [System.Collections.Generic.List[object]]::new()
        Outputs     = [System.Collections.Generic.List[object]]::new()
        Notes       = @()
        Links       = [System.Collections.Generic.List[object]]::new()
    }

    # First pass: cut the file into (section, item, lines).
    $blocks = [System.Collections.Generic.List[object]]::new()
    $block = $null
    $section = $null
    $inFence = $false
    foreach ($line in [IO.File]::ReadAllLines($Path)) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^(#{1,3})\s+(.+?)\s*$') {
            $level = $Matches[1].Length
            $title = $Matches[2]
            if ($level -eq 1) { $help.Name = $title; $section = $null; $block = $null; continue }
            if ($level -eq 2) {
                $section = $title.ToUpperInvariant()
                $block = [pscustomobject] @{ Section = $section; Item = $null; Lines = [System.Collections.Generic.List[string]]::new() }
                $blocks.Add($block)
                continue
            }
            $block = [pscustomobject] @{ Section = $section; Item = $title; Lines = [System.Collections.Generic.List[string]]::new() }
            $blocks.Add($block)
            continue
        }
        if ($block) { $block.Lines.Add($line) }
    }

    foreach ($b in $blocks) {
        $lines = $b.Lines.ToArray()
        switch ($b.Section) {
            'SYNOPSIS' { $help.Synopsis = ConvertTo-HelpParagraph $lines }
            'DESCRIPTION' { $help.Description = ConvertTo-HelpParagraph $lines }
            'NOTES' { $help.Notes = ConvertTo-HelpParagraph $lines }
            'EXAMPLES' {
                if (-not $b.Item) { continue }
                $parts = Split-FencedCode $lines
                $help.Examples.Add([pscustomobject] @{ Title = $b.Item; Code = $parts.Code; Remarks = ConvertTo-HelpParagraph $parts.Remarks })
            }
            'PARAMETERS' {
                if (-not $b.Item) { continue }
                $name = $b.Item.TrimStart('-').Trim()
                $default = $null
                $text = foreach ($l in $lines) {
                    if ($l -match '^\s*Default value:\s*(.+?)\s*$') { $default = $Matches[1] } else { $l }
                }
                $help.Parameters[$name] = [pscustomobject] @{ Text = ConvertTo-HelpParagraph @($text); DefaultValue = $default }
            }
            { $_ -in 'INPUTS', 'OUTPUTS' } {
                if (-not $b.Item) { continue }
                $entry = [pscustomobject] @{ Type = $b.Item.Trim(); Text = ConvertTo-HelpParagraph $lines }
                if ($b.Section -eq 'INPUTS') { $help.Inputs.Add($entry) } else { $help.Outputs.Add($entry) }
            }
            'RELATED LINKS' {
                foreach ($l in $lines) {
                    if ($l -match '^\s*[-*]\s*\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)') {
                        $help.Links.Add([pscustomobject] @{ Text = $Matches.text; Uri = $Matches.uri })
                    }
                    elseif ($l -match '^\s*[-*]\s*(?<text>\S.*?)\s*$') {
                        $help.Links.Add([pscustomobject] @{ Text = $Matches.text; Uri = '' })
                    }
                }
            }
        }
    }
    return [pscustomobject] $help
}

#endregion

#region Metadata (child pwsh)

# Get-PwshCommandLine: the child pwsh starts the way the build's, the tests' and the bench's do.
Import-Module (Join-Path $PSScriptRoot '../tools/BingX.ChildProcess.psm1')

function Get-ModuleMetadata {
    $pwsh = Get-PwshCommandLine
    $script = Join-Path $PSScriptRoot 'Get-HelpMetadata.ps1'
    $json = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -File $script -ModulePath $ModulePath
    if ($LASTEXITCODE -ne 0) { throw "Reading the cmdlet metadata of '$ModulePath' failed (exit code $LASTEXITCODE)." }
    return @(($json -join "`n") | ConvertFrom-Json)
}

#endregion

#region MAML

$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Write-Element([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string] $Text) {
    $Writer.WriteElementString($Prefix, $Name, $ns[$Prefix], $Text)
}

function Write-Paragraphs([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string[]] $Paragraphs) {
    $Writer.WriteStartElement($Prefix, $Name, $ns[$Prefix])
    foreach ($p in $Paragraphs) { Write-Element $Writer 'maml' 'para' $p }
    $Writer.WriteEndElement()
}

function Get-PipelineText($Details) {
    $kinds = @()
    if (@($Details | Where-Object ByPropertyName).Count) { $kinds += 'ByPropertyName' }
    if (@($Details | Where-Object ByValue).Count) { $kinds += 'ByValue' }
    if ($kinds) { return "True ($($kinds -join ', '))" }
    return 'False'
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, $Details, $Text, [string] $DefaultValue, [switch] $InSyntax)
    $isArray = $Parameter.TypeName.EndsWith('[]')
    $positions = @($Details | ForEach-Object { $_.Position } | Where-Object { $null -ne $_ } | Sort-Object -Unique)
    $position = if ($positions.Count -eq 1 -and @($Details | Where-Object { $null -eq $_.Position }).Count -eq 0) { [string] $positions[0] } else { 'named' }
    $required = @($Details | Where-Object Mandatory).Count -gt 0
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }

    $Writer.WriteStartElement('command', 'parameter', $ns.command)
    $Writer.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $isArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', 'false')
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineText $Details))
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $aliases)
    Write-Element $Writer 'maml' 'name' $Parameter.Name
    Write-Paragraphs $Writer 'maml' 'description' $Text
    if ($Parameter.AllowedValues.Count) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in $Parameter.AllowedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    # A switch takes no value: the syntax line shows just [-Force].
    if (-not ($InSyntax -and $Parameter.IsSwitch)) {
        $Writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $Writer.WriteAttributeString('required', (-not $Parameter.IsSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', $isArray.ToString().ToLowerInvariant())
        $Writer.WriteString($Parameter.TypeName)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $ns.dev)
    Write-Element $Writer 'maml' 'name' $Parameter.TypeFullName
    Write-Element $Writer 'maml' 'uri' ''
    $Writer.WriteEndElement()
    Write-Element $Writer 'dev' 'defaultValue' $DefaultValue
    $Writer.WriteEndElement()
}

function Write-TypeList([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, $Entries) {
    $Writer.WriteStartElement('command', $ListName, $ns.command)
    foreach ($entry in $Entries) {
        $Writer.WriteStartElement('command', $ItemName, $ns.command)
        $Writer.WriteStartElement('dev', 'type', $ns.dev)
        Write-Element $Writer 'maml' 'name' $entry.Type
        $Writer.WriteEndElement()
        Write-Paragraphs $Writer 'maml' 'description' $entry.Text
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Command([System.Xml.XmlWriter] $Writer, $Command, $Help, [hashtable] $ParameterHelp) {
    $Writer.WriteStartElement('command', 'command', $ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') { $Writer.WriteAttributeString('xmlns', $prefix, $null, $ns[$prefix]) }

    $Writer.WriteStartElement('command', 'details', $ns.command)
    Write-Element $Writer 'command' 'name' $Command.Name
    Write-Element $Writer 'command' 'verb' $Command.Verb
    Write-Element $Writer 'command' 'noun' $Command.Noun
    Write-Paragraphs $Writer 'maml' 'description' $Help.Synopsis
    $Writer.WriteEndElement()

    Write-Paragraphs $Writer 'maml' 'description' $Help.Description

    # Syntax: one line per parameter set, the default set first, positional parameters in position order.
    $Writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })) {
        $Writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        Write-Element $Writer 'maml' 'name' $Command.Name
        $ordered = @($set.Parameters | Where-Object { $null -ne $_.Position } | Sort-Object Position) +
        @($set.Parameters | Where-Object { $null -eq $_.Position -and $_.Name -notin 'WhatIf', 'Confirm' }) +
        @($set.Parameters | Where-Object { $_.Name -in 'WhatIf', 'Confirm' })
        foreach ($detail in $ordered) {
            $parameter = $Command.Parameters | Where-Object Name -EQ $detail.Name
            $entry = $ParameterHelp[$detail.Name]
            Write-Parameter -Writer $Writer -Parameter $parameter -Details @($detail) -Text $entry.Text -DefaultValue $entry.DefaultValue -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $Command.Parameters) {
        $details = @($Command.ParameterSets | ForEach-Object { $_.Parameters | Where-Object Name -EQ $parameter.Name })
        $entry = $ParameterHelp[$parameter.Name]
        Write-Parameter -Writer $Writer -Parameter $parameter -Details $details -Text $entry.Text -DefaultValue $entry.DefaultValue
    }
    $Writer.WriteEndElement()

    $inputs = if ($Help.Inputs.Count) { $Help.Inputs } else { @([pscustomobject] @{ Type = 'None'; Text = @('This cmdlet takes no input from the pipeline.') }) }
    Write-TypeList $Writer 'inputTypes' 'inputType' $inputs
    Write-TypeList $Writer 'returnValues' 'returnValue' $Help.Outputs

    if ($Help.Notes.Count) {
        $Writer.WriteStartElement('maml', 'alertSet', $ns.maml)
        $Writer.WriteStartElement('maml', 'alert', $ns.maml)
        foreach ($p in $Help.Notes) { Write-Element $Writer 'maml' 'para' $p }
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('command', 'example', $ns.command)
        Write-Element $Writer 'maml' 'title' "-------------------------- $($example.Title) --------------------------"
        Write-Element $Writer 'dev' 'code' $example.Code
        # A trailing empty paragraph: Get-Help would otherwise run the remarks into the next example's title.
        Write-Paragraphs $Writer 'dev' 'remarks' (@($example.Remarks) + '')
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Help.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        Write-Element $Writer 'maml' 'linkText' $link.Text
        Write-Element $Writer 'maml' 'uri' $link.Uri
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

#endregion

$commands = Get-ModuleMetadata
$helpFiles = @{}
foreach ($file in Get-ChildItem $SourcePath -Filter '*-*.md' -File) {
    $helpFiles[$file.BaseName] = Read-HelpMarkdown $file.FullName
}
$baseFile = Join-Path $SourcePath $BaseParametersFile
$baseParameters = if (Test-Path $baseFile) { (Read-HelpMarkdown $baseFile).Parameters } else { [ordered] @{} }

$problems = [System.Collections.Generic.List[string]]::new()
$usedBaseParameters = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
$parameterHelpByCommand = @{}
$waiting = [System.Collections.Generic.List[string]]::new()

foreach ($command in $commands) {
    $name = $command.Name
    $relative = "help/$name.md"
    $help = $helpFiles[$name]
    if (-not $help) { $problems.Add("$($name): no help file; write $relative (see help/README.md)."); continue }
    if ($help.Name -cne $name) { $problems.Add("$($relative): the first heading must be '# $name' (found '$($help.Name)').") }
    if (-not ($help.Synopsis -join '').Trim()) { $problems.Add("$($relative): ## SYNOPSIS is empty.") }
    if (-not ($help.Description -join '').Trim()) { $problems.Add("$($relative): ## DESCRIPTION is empty.") }
    $examplesWithCode = @($help.Examples | Where-Object { $_.Code })
    if ($examplesWithCode.Count -lt 2) { $problems.Add("$($relative): needs at least two examples with code under ## EXAMPLES (has $($examplesWithCode.Count)).") }
    # The two readers the help is for: someone at a prompt, and a script that runs unattended.
    foreach ($style in 'interactive', 'runbook') {
        if (-not ($help.Examples | Where-Object Title -Match $style)) { $problems.Add("$($relative): needs an example whose title says '$style' (### Example N: ... ($style)).") }
    }
    if ($help.Outputs.Count -eq 0) { $problems.Add("$($relative): ## OUTPUTS lists nothing (write '### None' when the cmdlet writes nothing).") }
    foreach ($outputType in $command.OutputTypes) {
        $documented = if ($outputType -eq 'System.Void') { $help.Outputs | Where-Object Type -EQ 'None' }
        else { $help.Outputs | Where-Object { $_.Type -eq $outputType -or $_.Type -eq ($outputType -split '\.')[-1] } }
        if (-not $documented) { $problems.Add("$($relative): the cmdlet outputs $outputType ([OutputType]); list it under ## OUTPUTS.") }
    }

    $parameterHelp = @{}
    foreach ($parameter in $command.Parameters) {
        $pName = $parameter.Name
        $entry = if ($help.Parameters.Contains($pName)) { $help.Parameters[$pName] }
        elseif ($baseParameters.Contains($pName)) { $null = $usedBaseParameters.Add($pName); $baseParameters[$pName] }
        elseif ($StandardParameterText.ContainsKey($pName)) { [pscustomobject] @{ Text = $StandardParameterText[$pName]; DefaultValue = 'False' } }
        if (-not $entry -or -not ($entry.Text -join '').Trim()) {
            $problems.Add("$($relative): parameter -$pName has no description; add '### -$pName' under ## PARAMETERS (or to help/$BaseParametersFile if every cmdlet shares it).")
            continue
        }
        $default = if ($entry.DefaultValue) { $entry.DefaultValue } elseif ($parameter.IsSwitch) { 'False' } else { 'None' }
        $parameterHelp[$pName] = [pscustomobject] @{ Text = $entry.Text; DefaultValue = $default }
    }
    $parameterHelpByCommand[$name] = $parameterHelp

    foreach ($documented in $help.Parameters.Keys) {
        if (-not ($command.Parameters | Where-Object Name -EQ $documented)) {
            $waiting.Add("$($relative): -$documented ($name has no such parameter)")
        }
    }
}

foreach ($name in $helpFiles.Keys | Sort-Object) {
    if (-not ($commands | Where-Object Name -EQ $name)) {
        $waiting.Add("help/$name.md (no cmdlet $name)")
    }
}
foreach ($pName in $baseParameters.Keys) {
    if (-not $usedBaseParameters.Contains($pName) -and -not ($commands.Parameters | Where-Object Name -EQ $pName)) {
        $waiting.Add("help/$($BaseParametersFile): -$pName (no cmdlet has it)")
    }
}
if ($waiting.Count) {
    # One warning, not one per item: help written ahead of its code is expected while other branches are open.
    Write-Warning "Help for code the module does not have (yet), left out: $($waiting -join '; ')."
}

if ($problems.Count) {
    # One line per gap, so a contributor can fix them all in one go; the exception repeats them for logs.
    foreach ($problem in $problems) { Write-Host "  help: $problem" -ForegroundColor Red }
    throw "The help is incomplete: $($problems.Count) problem(s), listed above. $($problems -join ' ')"
}

$null = New-Item -ItemType Directory -Path $OutputPath -Force
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$target = Join-Path $OutputPath $HelpFileName
$writer = [System.Xml.XmlWriter]::Create($target, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $ns.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands) {
        Write-Command -Writer $writer -Command $command -Help $helpFiles[$command.Name] -ParameterHelp $parameterHelpByCommand[$command.Name]
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

foreach ($topic in Get-ChildItem $SourcePath -Filter 'about_*.help.txt' -File) {
    Copy-Item $topic.FullName $OutputPath
}
Write-Verbose "Wrote $target ($($commands.Count) cmdlets)."
