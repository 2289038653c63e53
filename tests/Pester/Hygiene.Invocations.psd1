# One line per exported cmdlet: how Hygiene.Tests.ps1 runs it (once per condition, with -Verbose -Debug appended,
# and with -WhatIf too when the cmdlet supports it). Hygiene.Tests.ps1 fails for an exported cmdlet without a line.
# Variables the line may use: $BaseUri (the simulator), @CredentialArgs (-Credential of the condition, or nothing
# when the condition reads the vault), $Symbol (BTC-USDT, with open orders), $OrderId (one open order on it),
# $ClientOrderId (that order's client order id), $NewClientOrderId (unused so far, for placing an order).
# The account holds 100000 USDT and 10 BTC.
@{
    'Connect-BingX'       = 'Connect-BingX -BaseUri $BaseUri @CredentialArgs -PassThru'
    'Disconnect-BingX'    = 'Disconnect-BingX'
    'Get-BingXBalance'    = 'Get-BingXBalance'
    'Get-BingXOpenOrder'  = 'Get-BingXOpenOrder -Symbol $Symbol'
    'Get-BingXOrder'      = 'Get-BingXOrder -Symbol $Symbol -OrderId $OrderId'
    'Get-BingXServerTime' = 'Get-BingXServerTime'
    'Get-BingXSymbol'     = 'Get-BingXSymbol -Symbol $Symbol'
    # -RecvWindow 1000 bounds the look-up after a lost answer, which waits out the receive window.
    'New-BingXOrder'      = 'New-BingXOrder -Symbol $Symbol -Side BUY -Type LIMIT -Quantity 0.001 -Price 30000 -ClientOrderId $NewClientOrderId -RecvWindow 1000'
    'Stop-BingXOpenOrder' = 'Stop-BingXOpenOrder -Symbol $Symbol -Force'
    'Stop-BingXOrder'     = 'Stop-BingXOrder -Symbol $Symbol -OrderId $OrderId -Force'
    # 120 s (the longest countdown): each condition has its own account and finishes well before it could fire.
    'Enable-BingXCancelTimer'  = 'Enable-BingXCancelTimer -Seconds 120'
    'Disable-BingXCancelTimer' = 'Disable-BingXCancelTimer'
    'Get-BingXOrderHistory'    = 'Get-BingXOrderHistory -Symbol $Symbol -Status Canceled, Filled -Since (Get-Date).AddHours(-1)'
    'Get-BingXTrade'           = 'Get-BingXTrade -Symbol $Symbol -OrderId $OrderId'
}
