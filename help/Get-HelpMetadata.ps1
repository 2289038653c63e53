<#
.SYNOPSIS
    Writes, as JSON on stdout, what the built module says about its cmdlets: parameter sets, parameters, types,
    positions, pipeline input, aliases, allowed values, output types.

.DESCRIPTION
    Build-Help.ps1 runs this in a child pwsh: a binary module cannot be unloaded, and the build process must stay
    free of the assembly it has just built (the tests load it again in their own child process).
    Common parameters are left out; -WhatIf and -Confirm stay in, as they do in every cmdlet's help.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$module = Import-Module $ModulePath -PassThru -Force
$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

function Get-FriendlyTypeName([type] $Type) {
    # The short form help shows (String[], PSCredential, SwitchParameter); Nullable<int> reads as Int32.
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { return Get-FriendlyTypeName $underlying }
    if ($Type.IsArray) { return (Get-FriendlyTypeName $Type.GetElementType()) + '[]' }
    return $Type.Name
}

function Get-AllowedValues([System.Management.Automation.ParameterMetadata] $Parameter) {
    $set = $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) { return @($set.ValidValues) }
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    if ($type.IsEnum) { return @([Enum]::GetNames($type) | Where-Object { $_ -ne 'Unknown' }) }
    return @()
}

$cmdlets = foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]

    $parameters = foreach ($parameter in $command.Parameters.Values) {
        if ($commonParameters.Contains($parameter.Name)) { continue }
        [ordered] @{
            Name          = $parameter.Name
            TypeName      = Get-FriendlyTypeName $parameter.ParameterType
            TypeFullName  = $parameter.ParameterType.FullName
            IsSwitch      = $parameter.SwitchParameter
            Aliases       = @($parameter.Aliases)
            AllowedValues = @(Get-AllowedValues $parameter)
        }
    }

    $parameterSets = foreach ($set in $command.ParameterSets) {
        [ordered] @{
            Name       = $set.Name
            IsDefault  = $set.IsDefault
            Parameters = @(foreach ($parameter in $set.Parameters) {
                    if ($commonParameters.Contains($parameter.Name)) { continue }
                    [ordered] @{
                        Name           = $parameter.Name
                        Mandatory      = $parameter.IsMandatory
                        # int.MinValue means "named".
                        Position       = if ($parameter.Position -ge 0) { $parameter.Position } else { $null }
                        ByValue        = $parameter.ValueFromPipeline
                        ByPropertyName = $parameter.ValueFromPipelineByPropertyName
                    }
                })
        }
    }

    [ordered] @{
        Name                  = $command.Name
        Verb                  = $command.Verb
        Noun                  = $command.Noun
        SupportsShouldProcess = $attribute.SupportsShouldProcess
        OutputTypes           = @($command.OutputType | ForEach-Object { if ($_.Type) { $_.Type.FullName } else { $_.Name } })
        Parameters            = @($parameters)
        ParameterSets         = @($parameterSets)
    }
}

ConvertTo-Json -InputObject @($cmdlets) -Depth 8
