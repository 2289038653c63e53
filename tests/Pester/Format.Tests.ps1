# Every view of every output type, rendered from real objects at 80 and 120 columns and to a file (Out-File, as a
# redirected log does): one header line, every value whole (nothing cut with '…'), amounts right-aligned.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers/Start-ModuleTest.ps1')
    $account = New-ConnectedSimAccount $sim -Balances @{ USDT = '1234567.12345678'; BTC = '0.5'; ETH = '2' }
    $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side SELL -Price '71999.99' -Quantity '0.0200'
    $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol BTC-USDT -Side BUY -Price '60100' -Quantity '0.015'
    $null = Add-SimOrder -Simulator $sim -ApiKey $account.ApiKey -Symbol ETH-USDT -Side BUY -Price '2500.5' -Quantity '0.1' -ClientOrderId 'dip_buy_eth'

    # Renders objects the way a user sees them: Out-String at a width, or Out-File (the host's width) read back.
    function Show-Table {
        param([object[]] $InputObject, [string] $View, [int] $Width)
        $formatArgs = @{}
        if ($View) { $formatArgs.View = $View }
        if ($Width) { return ($InputObject | Format-Table @formatArgs | Out-String -Width $Width) }
        $file = Join-Path $TestDrive ([guid]::NewGuid().ToString('n') + '.log')
        $InputObject | Format-Table @formatArgs | Out-File -FilePath $file
        return (Get-Content -Raw $file)
    }

    # One header line (the line above the only dashes line), no '…', and every value whole on its object's row.
    function Assert-WholeTable {
        param([string] $Text, [object[]] $Rows, [object] $Key, [scriptblock] $Values, [string[]] $Headers, [string[]] $RightAligned)
        $lines = @($Text -split "`r?`n" | Where-Object { $_.Trim() })
        $Text | Should -Not -Match '…' -Because $Text
        $dashes = @(for ($i = 0; $i -lt $lines.Count; $i++) { if ($lines[$i] -match '^[- ]+$') { $i } })
        $dashes | Should -HaveCount 1 -Because "one header line:`n$Text"
        $header = $lines[$dashes[0] - 1]
        $dashes[0] | Should -Be 1 -Because "nothing above the header line:`n$Text"
        foreach ($name in $Headers) { $header | Should -Match "(^|\s)$([regex]::Escape($name))(\s|$)" -Because $Text }
        $lines.Count | Should -Be ($Rows.Count + 2) -Because "one line per object:`n$Text"
        foreach ($row in $Rows) {
            $keyText = if ($Key -is [scriptblock]) { [string] (& $Key $row) } else { [string] $row.$Key }
            $line = @($lines | Where-Object { $_ -match "(^|\s)$([regex]::Escape($keyText))(\s|$)" })
            $line | Should -HaveCount 1 -Because "$keyText has one row:`n$Text"
            foreach ($value in (& $Values $row)) {
                $line[0] | Should -Match "(^|\s)$([regex]::Escape($value))(\s|$)" -Because "'$value' whole:`n$Text"
            }
        }
        foreach ($name in $RightAligned) {
            # A right-aligned column's header ends where its values end.
            $end = $header.IndexOf($name) + $name.Length
            foreach ($line in $lines[($dashes[0] + 1)..($lines.Count - 1)]) {
                $line.Length | Should -BeGreaterOrEqual $end
                if ($end -lt $line.Length) { $line[$end] | Should -Be ' ' -Because "$name is right-aligned:`n$Text" }
                $line[$end - 1] | Should -Not -Be ' ' -Because "$name is right-aligned:`n$Text"
            }
        }
    }

    function Get-InvariantText($value) { ([System.IFormattable] $value).ToString($null, [cultureinfo]::InvariantCulture) }

    $orders = @(Get-BingXOpenOrder)
    # The values that overflowed the old view: the longest status, type and symbol, big and small amounts.
    $orders += [BingX.PowerShell.BingXOrder] @{ Symbol = '1000PEPE-USDT'; OrderId = 1736012449498124288; Side = 'SELL'; Type = 'TAKE_STOP_MARKET'
        Status = 'PARTIALLY_FILLED'; Price = 0.00001234d; OrigQty = 12345678d; ExecutedQty = 0.00012345d; Time = [DateTimeOffset] '2026-11-24T15:12:48Z' }
    $orderValues = { param($o) $o.Symbol; $o.OrderId; $o.Side; Get-InvariantText $o.Price; Get-InvariantText $o.OrigQty; $o.Status }
    $wideOrderValues = { param($o) & $orderValues $o; $o.Type; Get-InvariantText $o.ExecutedQty }
}

AfterAll {
    Stop-ModuleTest
}

Describe 'BingXOrder views' {
    It 'the default view shows whole values at width <_> (0 = Out-File)' -ForEach @(80, 120, 0) {
        $text = Show-Table -InputObject $orders -Width $_
        Assert-WholeTable -Text $text -Rows $orders -Key OrderId -Values $orderValues -Headers 'Symbol', 'OrderId', 'Side', 'Price', 'Qty', 'Status' -RightAligned 'OrderId', 'Price', 'Qty'
        if ($_ -eq 80) {
            # Out-String -Width 80 never writes a longer line; the view's own width shows only when there is room.
            $natural = Show-Table -InputObject $orders -Width 1000
            ($natural -split "`r?`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 80 -Because $natural
        }
    }

    It 'the Wide view shows type, filled and Updated (UTC) whole at width <_> (119: a 120-column console, whose last column PowerShell leaves free)' -ForEach @(119, 200) {
        $text = Show-Table -InputObject $orders -View Wide -Width $_
        Assert-WholeTable -Text $text -Rows $orders -Key OrderId -Values $wideOrderValues -Headers 'Type', 'Filled', 'Updated (UTC)' -RightAligned 'Price', 'Qty', 'Filled'
        $text | Should -Match '(^|\s)11-24 15:12(\s|$)'
    }

    It 'the Wide view at 80 columns cuts text columns, never the amounts' {
        $text = Show-Table -InputObject $orders -View Wide -Width 80
        $lines = @($text -split "`r?`n" | Where-Object { $_.Trim() })
        foreach ($order in $orders) {
            $line = @($lines | Where-Object { $_ -match "\b$($order.OrderId)\b" })
            $line | Should -HaveCount 1
            foreach ($value in (Get-InvariantText $order.Price), (Get-InvariantText $order.OrigQty), (Get-InvariantText $order.ExecutedQty)) {
                $line[0] | Should -Match "(^|\s)$([regex]::Escape($value))(\s|$)" -Because $text
            }
        }
    }

    It 'the Wide view fits a 120-column Out-File log' {
        $file = Join-Path $TestDrive 'wide.log'
        $orders | Format-Table -View Wide | Out-File -FilePath $file -Width 120
        Assert-WholeTable -Text (Get-Content -Raw $file) -Rows $orders -Key OrderId -Values $wideOrderValues -Headers 'Type', 'Status'
    }

    It 'README''s advice for an amount too long for the view: Format-Table -AutoSize and Format-List show it whole' {
        $long = [BingX.PowerShell.BingXOrder] @{ Symbol = 'ETH-USDT'; OrderId = 1736012449498124290; Side = 'SELL'; Type = 'LIMIT'
            Status = 'PENDING'; Price = 0.000012345678d; OrigQty = 123456789.0123d }
        $cut = $long | Format-Table | Out-String -Width 80
        $cut | Should -Match '…' -Because "the default view cuts these amounts, which is why README gives the advice:`n$cut"
        foreach ($text in ($long | Format-Table -AutoSize | Out-String -Width 80), ($long | Format-List | Out-String -Width 80)) {
            $text | Should -Not -Match '…'
            $text | Should -Match '(^|\s)0\.000012345678(\s|$)' -Because $text
            $text | Should -Match '(^|\s)123456789\.0123(\s|$)' -Because $text
        }
    }

    It 'Updated (UTC) is the last change: UpdateTime, else TransactTime, else Time' {
        $order = [BingX.PowerShell.BingXOrder] @{ Symbol = 'BTC-USDT'; OrderId = 1; Time = [DateTimeOffset] '2026-01-01T01:00:00Z'
            TransactTime = [DateTimeOffset] '2026-02-02T02:00:00+01:00'; UpdateTime = $null }
        Show-Table -InputObject $order -View Wide -Width 120 | Should -Match '02-02 01:00'
        $order.UpdateTime = [DateTimeOffset] '2026-03-03T03:00:00Z'
        Show-Table -InputObject $order -View Wide -Width 120 | Should -Match '03-03 03:00'
    }

    It 'what Stop-BingXOpenOrder returns renders whole at 80 columns' {
        $cancelled = @(Stop-BingXOpenOrder -Symbol ETH-USDT -Force)
        $cancelled | Should -HaveCount 1
        Assert-WholeTable -Text (Show-Table -InputObject $cancelled -Width 80) -Rows $cancelled -Key OrderId -Values $orderValues -Headers 'Status'
    }
}

Describe 'BingXBalance, BingXSymbol, BingXServerTime and BingXConnectionInfo views' {
    It 'balances: whole amounts, right-aligned, at width <_> (0 = Out-File)' -ForEach @(80, 120, 0) {
        $balances = @(Get-BingXBalance)
        $balances.Count | Should -BeGreaterOrEqual 3
        Assert-WholeTable -Text (Show-Table -InputObject $balances -Width $_) -Rows $balances -Key Asset `
            -Values { param($b) Get-InvariantText $b.Free; Get-InvariantText $b.Locked; Get-InvariantText $b.Total } -Headers 'Asset', 'Free', 'Locked', 'Total' -RightAligned 'Free', 'Locked', 'Total'
    }

    It 'symbols, default view: whole trading rules at width <_> (0 = Out-File)' -ForEach @(80, 120, 0) {
        $symbols = @(Get-BingXSymbol -Symbol BTC-USDT, ETH-USDT)
        Assert-WholeTable -Text (Show-Table -InputObject $symbols -Width $_) -Rows $symbols -Key Symbol `
            -Values { param($s) Get-InvariantText $s.TickSize; Get-InvariantText $s.StepSize; Get-InvariantText $s.MinQty; Get-InvariantText $s.MinNotional } `
            -Headers 'Symbol', 'Online', 'TickSize', 'MinNotional' -RightAligned 'TickSize', 'StepSize', 'MinQty', 'MinNotional'
    }

    It 'symbols, Wide view: the API switches and MaxNotional at width 120' {
        $symbols = @(Get-BingXSymbol -Symbol BTC-USDT, ETH-USDT)
        Assert-WholeTable -Text (Show-Table -InputObject $symbols -View Wide -Width 120) -Rows $symbols -Key Symbol `
            -Values { param($s) Get-InvariantText $s.MaxNotional; Get-InvariantText $s.MinNotional } -Headers 'ApiBuy', 'ApiSell', 'MaxNotional' -RightAligned 'MaxNotional'
    }

    It 'server time: whole at width <_> (0 = Out-File)' -ForEach @(80, 120, 0) {
        $time = Get-BingXServerTime
        Assert-WholeTable -Text (Show-Table -InputObject $time -Width $_) -Rows @($time) -Key { param($t) $t.LocalTime.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss.fff', [cultureinfo]::InvariantCulture) } `
            -Values { param($t) $t.ServerTime.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss.fff', [cultureinfo]::InvariantCulture); [string] [long] $t.RoundTrip.TotalMilliseconds } `
            -Headers 'ServerTime (UTC)', 'Offset (ms)', 'RoundTrip (ms)' -RightAligned 'Offset (ms)', 'RoundTrip (ms)'
    }

    It 'the connection: a list with the shortened key at width <_>' -ForEach @(80, 120) {
        $info = Connect-BingX -BaseUri $sim.BaseUri -Credential $account.Credential -PassThru
        $text = $info | Out-String -Width $_
        $text | Should -Match "ApiKey\s+: $([regex]::Escape($info.ApiKey))"
        $text | Should -Match "BaseUri\s+: $([regex]::Escape([string] $info.BaseUri))"
        $text | Should -Not -Match '…'
    }
}
